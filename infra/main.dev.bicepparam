// Development environment: smallest sizes, free bot tier, no monitoring.
using './main.bicep'

param environmentName = 'dev'
param appServicePlanSku = 'B1'
param botSku = 'F0'
param storageSku = 'Standard_LRS'
param referentiel = 'cher'
param enableAppInsights = false
