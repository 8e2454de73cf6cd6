import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../bot/config';
import {
  appSettings,
  bicepParamProblems,
  hasApiVersion,
  modulePath,
  modules,
  namingProblems,
  outputs,
  params,
  parseBicepParam,
  property,
  readBicep,
  readmeConfigurationVariables,
  resources,
  resourceTypeStrings,
  scanBicep,
  statements,
  undeclaredReferences,
  undocumentedSettings,
  unusedParams,
  valueObject,
  variable,
  type BicepText,
  type ResourceDeclaration,
} from '../support/bicep-text';

const root = path.resolve(__dirname, '../..');
const mainPath = 'infra/main.bicep';
const moduleFiles = ['infra/modules/storage.bicep', 'infra/modules/monitoring.bicep', 'infra/modules/webapp.bicep', 'infra/modules/bot.bicep'];
const bicepFiles = [mainPath, ...moduleFiles];
const paramFiles = ['infra/main.dev.bicepparam', 'infra/main.prod.bicepparam'];

const read = (relative: string): BicepText => readBicep(path.join(root, relative));
const main = read(mainPath);
const modulesByPath = new Map(modules(main).map((m) => [m.path, read(modulePath(mainPath, m.path))]));
const allResources = bicepFiles.flatMap((file) => resources(read(file)));

function only(type: string): ResourceDeclaration {
  const found = allResources.filter((r) => r.type === type);
  expect(found.map((r) => r.type)).toEqual([type]);
  return found[0] as ResourceDeclaration;
}

/** The expression main.bicep passes to a module parameter. */
function passedToModule(moduleFile: string, param: string): string | undefined {
  const module = modules(main).find((m) => modulePath(mainPath, m.path) === moduleFile);
  return valueObject(property(module?.body, 'params'))?.entries.get(param);
}

describe('Bicep text reader', () => {
  it('reports a parameter used in an expression but never declared', () => {
    const file = scanBicep("param prefix string\nvar baseName = '${prefx}-app'\n");
    expect(undeclaredReferences(file)).toEqual(['prefx (line 2)']);
  });

  it('does not mistake strings, comments, property names, property accesses or functions for symbols', () => {
    const file = scanBicep(
      [
        "param ghostName string // ghost in a comment",
        "resource site 'Microsoft.Web/sites@2024-04-01' = {",
        "  name: '${ghostName}-app' // ghost",
        "  location: resourceGroup().location",
        "  properties: {",
        "    ghost: 'ghost'",
        '  }',
        '}',
        'output host string = site.properties.ghost',
      ].join('\n'),
    );
    expect(undeclaredReferences(file)).toEqual([]);
    expect(unusedParams(file)).toEqual([]);
  });

  it('reports a declared parameter that nothing uses', () => {
    const file = scanBicep("@description('never read')\nparam unused string = 'x'\nparam used string\nvar v = used\n");
    expect(unusedParams(file)).toEqual(['unused']);
  });

  it('tells a versioned resource type from one without an API version', () => {
    const file = scanBicep("resource a 'Microsoft.Storage/storageAccounts' = {\n}\nresource b 'Microsoft.Web/sites@2024-04-01' = {\n}\n");
    expect(resourceTypeStrings(file).map(hasApiVersion)).toEqual([false, true]);
    expect(hasApiVersion('Microsoft.Insights/diagnosticSettings@2021-05-01-preview')).toBe(true);
    expect(hasApiVersion('Microsoft.Web/sites@latest')).toBe(false);
  });

  it('reads nested property values of a resource body', () => {
    const file = scanBicep("resource s 'Microsoft.Web/sites@2024-04-01' = {\n  properties: {\n    siteConfig: {\n      alwaysOn: true\n    }\n  }\n}\n");
    expect(property(resources(file)[0]?.body, 'properties.siteConfig.alwaysOn')).toBe('true');
    expect(property(resources(file)[0]?.body, 'properties.siteConfig.httpsOnly')).toBeUndefined();
  });

  it('reports a resource named outside the shared naming scheme', () => {
    const template = scanBicep(
      [
        'param prefix string',
        'param environmentName string',
        "var baseName = '${prefix}-${environmentName}'",
        'var names = {',
        "  identity: '${baseName}-id'",
        "  plan: 'plan-without-base'",
        '}',
        "resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {",
        '  name: names.identity',
        '}',
        "resource other 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {",
        "  name: 'hard-coded'",
        '}',
      ].join('\n'),
      'broken.bicep',
    );
    expect(namingProblems(template, new Map())).toEqual([
      'broken.bicep: names.plan does not derive from baseName',
      "broken.bicep: other is named 'hard-coded', not from names",
    ]);
  });

  it('reports a parameters file that sets an unknown parameter, misses a required one or breaks @allowed', () => {
    const declared = params(scanBicep("param environmentName string\n@allowed([\n  'F0'\n  'S1'\n])\nparam botSku string = 'F0'\n"));
    const file = parseBicepParam("using './main.bicep'\nparam botSku = 'S2'\nparam colour = 'blue'\n");
    expect(file.using).toBe('./main.bicep');
    expect(bicepParamProblems(file, declared)).toEqual([
      'sets colour, which the template does not declare',
      'does not set environmentName, which has no default',
      "sets botSku to 'S2', not one of F0, S1",
    ]);
  });

  it('reports an app setting that is neither in the README configuration table nor an Azure one', () => {
    const documented = readmeConfigurationVariables('## Configuration\n\n| variable | default |\n|---|---|\n| `PORT` | `3978` |\n\n## Next\n| `NOT_THIS` | x |\n');
    expect([...documented]).toEqual(['PORT']);
    expect(undocumentedSettings(['PORT', 'WEBSITE_RUN_FROM_PACKAGE', 'AZURE_CLIENT_ID', 'NOT_THIS', 'SECRET_KEY'], documented)).toEqual(['NOT_THIS', 'SECRET_KEY']);
  });
});

describe('Azure infrastructure (infra/)', () => {
  it.each(bicepFiles)('%s uses only symbols it declares', (file) => {
    expect(undeclaredReferences(read(file))).toEqual([]);
  });

  it.each(bicepFiles)('%s uses every parameter it declares', (file) => {
    expect(unusedParams(read(file))).toEqual([]);
  });

  it.each(bicepFiles)('%s gives every resource type an API version', (file) => {
    const types = resourceTypeStrings(read(file));
    expect(types.length).toBeGreaterThan(0);
    expect(types.filter((t) => !hasApiVersion(t))).toEqual([]);
  });

  it('main.bicep calls each module file that exists, with known parameters and every required one', () => {
    expect([...modulesByPath.keys()].map((p) => modulePath(mainPath, p)).sort()).toEqual([...moduleFiles].sort());
    for (const module of modules(main)) {
      const file = modulePath(mainPath, module.path);
      expect(existsSync(path.join(root, file))).toBe(true);
      const declared = params(read(file));
      const passed = [...(valueObject(property(module.body, 'params'))?.entries.keys() ?? [])];
      expect(passed.filter((name) => !declared.some((p) => p.name === name))).toEqual([]);
      expect(declared.filter((p) => !p.hasDefault && !passed.includes(p.name)).map((p) => p.name)).toEqual([]);
    }
  });

  it('names every resource from one scheme derived from the prefix and the environment name', () => {
    expect(namingProblems(main, modulesByPath)).toEqual([]);
  });

  it('builds a storage account name that fits the 24 lower-case letters and digits Azure allows', () => {
    const storageName = valueObject(variable(main, 'names'))?.entries.get('storage') ?? '';
    expect(storageName).toMatch(/toLower\(replace\(baseName, '-', ''\)\)/);
    const wordsLength = Number(/take\(toLower\(replace\(baseName, '-', ''\)\), (\d+)\)/.exec(storageName)?.[1]);
    const literal = /\)\}(\w*)\$\{suffix\}'$/.exec(storageName)?.[1] ?? '';
    const suffixLength = Number(/^take\(uniqueString\(.*\), (\d+)\)$/.exec(variable(main, 'suffix') ?? '')?.[1]);
    expect(wordsLength + literal.length + suffixLength).toBeLessThanOrEqual(24);
  });

  it('keeps the storage account reachable only with Entra ID, over HTTPS and TLS 1.2, with no public blobs', () => {
    const storage = only('Microsoft.Storage/storageAccounts');
    expect(property(storage.body, 'kind')).toBe("'StorageV2'");
    expect(property(storage.body, 'properties.allowSharedKeyAccess')).toBe('false');
    expect(property(storage.body, 'properties.allowBlobPublicAccess')).toBe('false');
    expect(property(storage.body, 'properties.minimumTlsVersion')).toBe("'TLS1_2'");
    expect(property(storage.body, 'properties.supportsHttpsTrafficOnly')).toBe('true');
    const tables = only('Microsoft.Storage/storageAccounts/tableServices');
    expect(property(tables.body, 'parent')).toBe(storage.symbol);
  });

  it('gives the managed identity Storage Table Data Contributor on the storage account under a deterministic name', () => {
    const assignment = only('Microsoft.Authorization/roleAssignments');
    const storage = only('Microsoft.Storage/storageAccounts');
    const file = read('infra/modules/storage.bicep');
    const roleId = property(assignment.body, 'properties.roleDefinitionId') ?? '';
    const roleIdVar = /(\w+)\)$/.exec(roleId)?.[1] ?? '';
    expect(`${roleId} ${variable(file, roleIdVar) ?? ''}`).toContain('0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3');
    expect(property(assignment.body, 'name')).toMatch(/^guid\(/);
    expect(property(assignment.body, 'scope')).toBe(storage.symbol);
    expect(property(assignment.body, 'properties.principalType')).toBe("'ServicePrincipal'");
    const principalParam = property(assignment.body, 'properties.principalId') ?? '';
    expect(passedToModule('infra/modules/storage.bicep', principalParam)).toBe('identity.properties.principalId');
  });

  it('runs the web app on a Linux plan, Node 20, HTTPS only, TLS 1.2, Always On, no FTP, checked on /healthz', () => {
    const plan = only('Microsoft.Web/serverfarms');
    expect(property(plan.body, 'properties.reserved')).toBe('true');
    const site = only('Microsoft.Web/sites');
    expect(property(site.body, 'kind')).toMatch(/linux/);
    expect(property(site.body, 'properties.serverFarmId')).toBe(`${plan.symbol}.id`);
    expect(property(site.body, 'properties.httpsOnly')).toBe('true');
    expect(property(site.body, 'properties.siteConfig.linuxFxVersion')).toMatch(/^'NODE\|20-lts'$/);
    expect(property(site.body, 'properties.siteConfig.alwaysOn')).toBe('true');
    expect(property(site.body, 'properties.siteConfig.healthCheckPath')).toBe("'/healthz'");
    expect(property(site.body, 'properties.siteConfig.minTlsVersion')).toBe("'1.2'");
    expect(property(site.body, 'properties.siteConfig.ftpsState')).toBe("'Disabled'");
  });

  it('starts the web app with a script package.json defines, running the built bot', () => {
    const site = only('Microsoft.Web/sites');
    const command = /^'npm run (\w+)'$/.exec(property(site.body, 'properties.siteConfig.appCommandLine') ?? '')?.[1] ?? '';
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts[command]).toMatch(/dist\/bot\/main\.js/);
  });

  it('attaches the user-assigned identity to the web app', () => {
    const site = only('Microsoft.Web/sites');
    expect(property(site.body, 'identity.type')).toBe("'UserAssigned'");
    const identities = valueObject(property(site.body, 'identity.userAssignedIdentities'));
    const key = [...(identities?.entries.keys() ?? [])];
    expect(key).toEqual(["'${identityId}'"]);
    expect(passedToModule('infra/modules/webapp.bicep', 'identityId')).toBe('identity.id');
  });

  it('authenticates the bot with the user-assigned managed identity and calls /api/messages on the web app', () => {
    const bot = only('Microsoft.BotService/botServices');
    const botFile = 'infra/modules/bot.bicep';
    expect(property(bot.body, 'kind')).toBe("'azurebot'");
    expect(property(bot.body, 'location')).toBe("'global'");
    expect(property(bot.body, 'properties.msaAppType')).toBe("'UserAssignedMSI'");
    expect(passedToModule(botFile, property(bot.body, 'properties.msaAppId') ?? '')).toBe('identity.properties.clientId');
    expect(passedToModule(botFile, property(bot.body, 'properties.msaAppMSIResourceId') ?? '')).toBe('identity.id');
    expect(passedToModule(botFile, property(bot.body, 'properties.msaAppTenantId') ?? '')).toBe('tenantId');
    expect(variable(main, 'tenantId')).toBe('tenant().tenantId');
    expect(passedToModule(botFile, property(bot.body, 'sku.name') ?? '')).toBe('botSku');
    const endpoint = passedToModule(botFile, property(bot.body, 'properties.endpoint') ?? '') ?? '';
    expect(variable(main, endpoint)).toBe("'https://${webApp.outputs.hostName}/api/messages'");
  });

  it('turns on the Microsoft Teams channel of the bot', () => {
    const bot = only('Microsoft.BotService/botServices');
    const channel = only('Microsoft.BotService/botServices/channels');
    expect(property(channel.body, 'parent')).toBe(bot.symbol);
    expect(property(channel.body, 'name')).toBe("'MsTeamsChannel'");
    expect(property(channel.body, 'properties.channelName')).toBe("'MsTeamsChannel'");
    expect(property(channel.body, 'properties.properties.isEnabled')).toBe('true');
  });

  it('deploys Log Analytics and Application Insights only when enableAppInsights is true', () => {
    const monitoring = modules(main).find((m) => m.path === './modules/monitoring.bicep');
    expect(monitoring?.condition).toBe('enableAppInsights');
    expect(passedToModule('infra/modules/webapp.bicep', 'appInsightsConnectionString')).toMatch(/^enableAppInsights \? monitoring\.outputs\.connectionString : ''$/);
    const workspace = only('Microsoft.OperationalInsights/workspaces');
    expect(property(only('Microsoft.Insights/components').body, 'properties.WorkspaceResourceId')).toBe(`${workspace.symbol}.id`);
  });

  describe('app settings', () => {
    const webapp = read('infra/modules/webapp.bicep');
    const settings = appSettings(webapp);
    const documented = readmeConfigurationVariables(readFileSync(path.join(root, 'README.md'), 'utf8'));

    it('sets only variables of the README configuration table or known Azure ones', () => {
      expect(documented.size).toBeGreaterThan(5);
      expect(settings.size).toBeGreaterThan(5);
      expect(undocumentedSettings(settings.keys(), documented)).toEqual([]);
    });

    it('hands every settings list to the web app', () => {
      const site = only('Microsoft.Web/sites');
      const wired = property(site.body, 'properties.siteConfig.appSettings') ?? '';
      const lists = ['botAppSettings', 'monitoringAppSettings'].filter((name) => /\bname:\s*'/.test(variable(webapp, name) ?? ''));
      expect(lists).toHaveLength(2);
      for (const list of lists) expect(wired).toMatch(new RegExp(`\\b${list}\\b`));
    });

    it('uses the managed identity for the bot and for storage, with no secret or connection string', () => {
      expect(settings.get('MicrosoftAppType')).toBe("'UserAssignedMSI'");
      expect(settings.get('MicrosoftAppId')).toBe('identityClientId');
      expect(settings.get('AZURE_CLIENT_ID')).toBe('identityClientId');
      expect(passedToModule('infra/modules/webapp.bicep', 'identityClientId')).toBe('identity.properties.clientId');
      expect(settings.get('STORAGE_ACCOUNT_URL')).toBe('storageTableEndpoint');
      expect(passedToModule('infra/modules/webapp.bicep', 'storageTableEndpoint')).toBe('storage.outputs.tableEndpoint');
      expect(outputs(read('infra/modules/storage.bicep')).get('tableEndpoint')).toMatch(/^'https:\/\/\$\{\w+\.name\}\.table\.\$\{environment\(\)\.suffixes\.storage\}'$/);
      const credentials = ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'EXPORT_LINK_SECRET'];
      expect([...settings.keys()].filter((name) => /PASSWORD|SECRET|CONNECTION_STRING|KEY/i.test(name) && !credentials.includes(name))).toEqual([]);
    });

    it('passes the download-link secret as a secure parameter, drawn at random unless given, and links to the web app', () => {
      const secretParam = settings.get('EXPORT_LINK_SECRET') ?? '';
      expect(passedToModule('infra/modules/webapp.bicep', secretParam)).toBe('exportLinkSecret');
      const declarations = [webapp, main].map((file) => statements(file).find((st) => st.keyword === 'param' && st.name === 'exportLinkSecret'));
      for (const declaration of declarations) expect(declaration?.decorators).toContain('@secure()');
      expect(declarations[1]?.text).toMatch(/= newGuid\(\)$/);
      expect(variable(webapp, settings.get('PUBLIC_BASE_URL') ?? '')).toBe("empty(publicBaseUrl) ? 'https://${name}.azurewebsites.net' : publicBaseUrl");
    });

    it('runs the deployed zip as is instead of building on the server', () => {
      expect(settings.get('WEBSITE_RUN_FROM_PACKAGE')).toBe("'1'");
      expect(settings.get('SCM_DO_BUILD_DURING_DEPLOYMENT')).toBe("'false'");
    });

    it.each(params(main).find((p) => p.name === 'referentiel')?.allowed ?? ['(none)'])(
      'make a production configuration loadConfig accepts with REFERENTIEL=%s',
      (referentiel) => {
        const standIns: Record<string, string> = {
          identityClientId: '11111111-2222-3333-4444-555555555555',
          tenantId: '66666666-7777-8888-9999-000000000000',
          storageTableEndpoint: 'https://qualibotprodstabc123.table.core.windows.net',
          referentiel,
          initialAdmins: 'a1a1a1a1-0000-4000-8000-000000000001',
          appInsightsConnectionString: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
          exportLinkSecret: '0f8fad5b-d9cb-469f-a165-70867728950e',
          publicOrigin: 'https://qualibot-prod-app-abc123.azurewebsites.net',
        };
        const env: NodeJS.ProcessEnv = {};
        for (const [name, value] of settings) {
          const literal = /^'([^'$]*)'$/.exec(value)?.[1];
          env[name] = literal ?? standIns[value];
          expect(env[name]).toBeDefined();
        }
        const config = loadConfig(env);
        expect(config).toMatchObject({
          environment: 'production',
          auth: { kind: 'azure', appType: 'UserAssignedMSI', appId: standIns.identityClientId, tenantId: standIns.tenantId },
          storage: { kind: 'accountUrl', url: standIns.storageTableEndpoint },
          timeZone: 'Europe/Paris',
          referentiel,
        });
      },
    );
  });

  it.each(paramFiles)('%s uses main.bicep and sets only its parameters, including every one without a default', (file) => {
    const paramFile = parseBicepParam(readFileSync(path.join(root, file), 'utf8'));
    expect(paramFile.using).toBe('./main.bicep');
    expect(bicepParamProblems(paramFile, params(main))).toEqual([]);
  });

  it('names a different environment in the dev and the prod parameters files', () => {
    const environments = paramFiles.map((file) => parseBicepParam(readFileSync(path.join(root, file), 'utf8')).values.get('environmentName'));
    expect(environments).toEqual(["'dev'", "'prod'"]);
  });

  it('outputs the bot id, bot endpoint, web app host name, storage table endpoint and identity resource id', () => {
    const declared = outputs(main);
    expect(declared.get('botId')).toBe('identity.properties.clientId');
    expect(declared.get('botEndpoint')).toBe('botEndpoint');
    expect(declared.get('webAppHostName')).toBe('webApp.outputs.hostName');
    expect(declared.get('storageTableEndpoint')).toBe('storage.outputs.tableEndpoint');
    expect(declared.get('identityResourceId')).toBe('identity.id');
    expect(outputs(read('infra/modules/webapp.bicep')).get('hostName')).toMatch(/\.properties\.defaultHostName$/);
  });
});
