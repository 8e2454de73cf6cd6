// Production environment: zone-redundant storage, standard bot tier (SLA), Application Insights and logs.
using './main.bicep'

param environmentName = 'prod'
param appServicePlanSku = 'B1'
param botSku = 'S1'
param storageSku = 'Standard_ZRS'
param referentiel = 'cher'
param enableAppInsights = true
