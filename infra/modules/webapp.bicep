// The Linux App Service plan and the web app running Qualibot (Node 20, `npm run serve` from a built package).
// The code is deployed as a zip holding dist/, package.json, package-lock.json and production node_modules, run
// as is (WEBSITE_RUN_FROM_PACKAGE=1, no build on the server): see docs/DEPLOY.md.

@description('App Service plan name.')
param planName string

@description('Web app name (globally unique: it is the host name).')
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('App Service plan SKU (Basic or above for Always On).')
param planSku string

@description('Resource id of the user-assigned managed identity attached to the web app.')
param identityId string

@description('Client id of that identity: the bot\'s app id, and the identity DefaultAzureCredential uses.')
param identityClientId string

@description('Entra tenant id.')
param tenantId string

@description('Table endpoint of the storage account, without trailing slash.')
param storageTableEndpoint string

@description('Commitments catalogue: cher, loire or somme.')
param referentiel string

@description('Entra object ids made admin at first contact while nobody is admin; may be empty.')
param initialAdmins string

@description('Secret signing the download links of exports (EXPORT_LINK_SECRET).')
@secure()
param exportLinkSecret string

@description('Public https address of the bot for download links; empty: the web app\'s default host name.')
param publicBaseUrl string = ''

@description('Application Insights connection string; empty when monitoring is off.')
param appInsightsConnectionString string = ''

@description('Log Analytics workspace receiving the web app\'s logs; empty when monitoring is off.')
param logAnalyticsWorkspaceId string = ''

// The address download links start with (PUBLIC_BASE_URL): the custom domain if any, else the default host name.
var publicOrigin = empty(publicBaseUrl) ? 'https://${name}.azurewebsites.net' : publicBaseUrl

// Every variable the bot reads is in README.md's configuration table; PORT is set by App Service itself.
var botAppSettings = [
  {
    name: 'NODE_ENV'
    value: 'production'
  }
  {
    name: 'MicrosoftAppId'
    value: identityClientId
  }
  {
    name: 'MicrosoftAppType'
    value: 'UserAssignedMSI'
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenantId
  }
  {
    name: 'AZURE_CLIENT_ID'
    value: identityClientId
  }
  {
    name: 'STORAGE_ACCOUNT_URL'
    value: storageTableEndpoint
  }
  {
    name: 'TZ_NAME'
    value: 'Europe/Paris'
  }
  {
    name: 'REFERENTIEL'
    value: referentiel
  }
  {
    name: 'INITIAL_ADMINS'
    value: initialAdmins
  }
  {
    name: 'LOG_LEVEL'
    value: 'info'
  }
  {
    name: 'EXPORT_LINK_SECRET'
    value: exportLinkSecret
  }
  {
    name: 'PUBLIC_BASE_URL'
    value: publicOrigin
  }
  {
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '1'
  }
  {
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'false'
  }
]

// Read by the App Service Node.js agent (not by Qualibot's code): ~3 is the Linux agent.
var monitoringAppSettings = empty(appInsightsConnectionString) ? [] : [
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsightsConnectionString
  }
  {
    name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
    value: '~3'
  }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm run serve'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(botAppSettings, monitoringAppSettings)
    }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (!empty(logAnalyticsWorkspaceId)) {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
