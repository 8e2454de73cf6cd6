// The Azure Bot registration: its identity is the user-assigned managed identity (no app registration, no client
// secret), it calls the web app's /api/messages, and the Microsoft Teams channel is on.

@description('Bot handle (globally unique).')
param name string

@description('Tags applied to every resource.')
param tags object

@description('F0 or S1.')
param sku string

@description('Name shown in the Azure portal.')
param displayName string

@description('Messaging endpoint: https://<web app host>/api/messages.')
param endpoint string

@description('Client id of the user-assigned managed identity (the bot\'s app id).')
param identityClientId string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Entra tenant id.')
param tenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
