// The storage account holding Qualibot's tables (the bot creates them at start), reachable only with Entra ID:
// shared keys are disabled, so there is no connection string to leak. The bot's identity gets Storage Table
// Data Contributor on this account and nothing else.

@description('Storage account name (3-24 lower case letters and digits, globally unique).')
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Redundancy: Standard_LRS or Standard_ZRS.')
param skuName string

@description('Principal (object) id of the identity that reads and writes the tables.')
param tableDataContributorPrincipalId string

// Built-in role "Storage Table Data Contributor".
var tableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storageAccount
  name: 'default'
  properties: {}
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, tableDataContributorPrincipalId, tableDataContributorRoleId)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributorRoleId)
    principalId: tableDataContributorPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = storageAccount.name

// Built rather than read from primaryEndpoints.table, which ends with a slash.
output tableEndpoint string = 'https://${storageAccount.name}.table.${environment().suffixes.storage}'
