// Qualibot on Azure: a user-assigned managed identity that is at the same time the bot's identity (Azure Bot,
// UserAssignedMSI) and the web app's identity towards Table Storage (Storage Table Data Contributor), a Linux
// web app on Node 20, the Azure Bot with its Microsoft Teams channel, and optionally Application Insights.
// No credential anywhere: no client secret, no storage key (shared keys are disabled on the account). The one
// secret is the key signing short-lived download links, passed as a secure parameter (random unless given).
//
// Deploy: az deployment group create -g <rg> -n qualibot-prod -p infra/main.prod.bicepparam
// (docs/DEPLOY.md walks through it).

targetScope = 'resourceGroup'

@description('Application name, first part of every resource name (lower case letters and digits).')
@minLength(3)
@maxLength(12)
param prefix string = 'qualibot'

@description('Environment name, second part of every resource name (lower case letters and digits): dev, prod…')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region of the resources (the Azure Bot itself is global). Defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('App Service plan SKU. Always On needs Basic or above, hence no F1.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Azure Bot SKU: F0 (free) or S1 (standard, with an SLA). Teams is a standard channel: free on both.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Storage redundancy: Standard_LRS (one datacentre) or Standard_ZRS (three zones of the region).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param storageSku string = 'Standard_LRS'

@description('Commitments catalogue the bot loads (REFERENTIEL).')
@allowed([
  'cher'
  'loire'
  'somme'
])
param referentiel string = 'cher'

@description('Entra object ids, comma-separated, made admin at their first message while nobody is admin (INITIAL_ADMINS).')
param initialAdmins string = ''

@description('Secret signing the download links of exports (EXPORT_LINK_SECRET, 32 characters or more). When not given, a new random one is drawn at each deployment: links handed out just before (valid 15 minutes) then stop working.')
@secure()
@minLength(32)
param exportLinkSecret string = newGuid()

@description('Public https address of the bot used in download links (PUBLIC_BASE_URL), when it has a custom domain; empty: https://<web app>.azurewebsites.net.')
param publicBaseUrl string = ''

@description('Deploy a Log Analytics workspace and Application Insights, and send the web app\'s logs there.')
param enableAppInsights bool = false

// One naming scheme: <prefix>-<environment>-<kind>, with a short stable suffix where the name must be globally
// unique (web app host name, bot handle, storage account). The storage account gets the same words without dashes.
var baseName = '${prefix}-${environmentName}'
var suffix = take(uniqueString(resourceGroup().id, baseName), 6)
var names = {
  identity: '${baseName}-id'
  storage: '${take(toLower(replace(baseName, '-', '')), 16)}st${suffix}'
  plan: '${baseName}-plan'
  webApp: '${baseName}-app-${suffix}'
  bot: '${baseName}-bot-${suffix}'
  logAnalytics: '${baseName}-log'
  appInsights: '${baseName}-appi'
}
var tags = {
  application: prefix
  environment: environmentName
}
var tenantId = tenant().tenantId
var botEndpoint = 'https://${webApp.outputs.hostName}/api/messages'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module storage './modules/storage.bicep' = {
  name: '${baseName}-storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSku
    tableDataContributorPrincipalId: identity.properties.principalId
  }
}

module monitoring './modules/monitoring.bicep' = if (enableAppInsights) {
  name: '${baseName}-monitoring'
  params: {
    workspaceName: names.logAnalytics
    appInsightsName: names.appInsights
    location: location
    tags: tags
  }
}

module webApp './modules/webapp.bicep' = {
  name: '${baseName}-webapp'
  params: {
    planName: names.plan
    name: names.webApp
    location: location
    tags: tags
    planSku: appServicePlanSku
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: tenantId
    storageTableEndpoint: storage.outputs.tableEndpoint
    referentiel: referentiel
    initialAdmins: initialAdmins
    exportLinkSecret: exportLinkSecret
    publicBaseUrl: publicBaseUrl
    appInsightsConnectionString: enableAppInsights ? monitoring.outputs.connectionString : ''
    logAnalyticsWorkspaceId: enableAppInsights ? monitoring.outputs.workspaceId : ''
  }
}

module bot './modules/bot.bicep' = {
  name: '${baseName}-bot'
  params: {
    name: names.bot
    tags: tags
    sku: botSku
    displayName: environmentName == 'prod' ? 'Qualibot' : 'Qualibot (${environmentName})'
    endpoint: botEndpoint
    identityClientId: identity.properties.clientId
    identityId: identity.id
    tenantId: tenantId
  }
}

@description('Bot id: the managed identity\'s client id (BOT_ID of the Teams package, MicrosoftAppId of the app).')
output botId string = identity.properties.clientId

@description('Messaging endpoint the Azure Bot calls.')
output botEndpoint string = botEndpoint

@description('Host name of the web app (BOT_DOMAIN of the Teams package).')
output webAppHostName string = webApp.outputs.hostName

@description('Name of the web app, for az webapp deploy.')
output webAppName string = webApp.outputs.name

@description('Name of the storage account, for az storage entity.')
output storageAccountName string = storage.outputs.name

@description('Table endpoint the bot reaches with its managed identity (STORAGE_ACCOUNT_URL).')
output storageTableEndpoint string = storage.outputs.tableEndpoint

@description('Resource id of the user-assigned managed identity.')
output identityResourceId string = identity.id
