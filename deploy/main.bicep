// ParticipantBot on Azure, in one resource group: App Service for Linux (.NET 10, two instances by
// default), Azure Database for PostgreSQL flexible server, the Azure Bot (user-assigned managed
// identity: no secret, and new multi-tenant bots can no longer be created), Key Vault (the database's
// connection string, the Data Protection certificate), one user-assigned managed identity (the bot,
// Graph, Key Vault), Application Insights. No module from a registry: this file is everything.
//
//   az deployment group create -g <group> -f deploy/main.bicep -p deploy/main.parameters.json \
//      -p postgresAdministratorPassword=<secret> --query properties.outputs > deploy/outputs.json
//
// The outputs feed manifest/build.sh --outputs deploy/outputs.json (the Teams package) and
// deploy/README.md's next steps. See deploy/README.md.

targetScope = 'resourceGroup'

@description('Short lowercase name of this deployment (letters and digits, 3 to 12), e.g. "pbtanger": every resource name starts with it.')
@minLength(3)
@maxLength(12)
param name string

@description('The organisation, shown as the bot\'s display name in Teams, e.g. "Consultations OIM Maroc".')
@maxLength(42)
param organisationName string

@description('Region of every resource (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('Public host name participants open their links at. Empty: the web app\'s own <name>.azurewebsites.net (a custom domain is bound in the portal, then given here).')
param publicHostName string = ''

@description('Client id of the "ParticipantBot" app registration organisers sign in to (deploy/README.md, step 2): Auth:ClientId.')
param organiserAppClientId string

@description('Object ids of the first administrators (Hangfire dashboard, every campaign).')
param administratorObjectIds array = []

@description('The organiser or shared mailbox invitations come from (Outlook through Graph, with the managed identity). Empty: no Graph; emails are only written to the app\'s outbox folder.')
param mailbox string = ''

@description('Whom participants may ask: shown on expired links and in the consent statement.')
param contactEmail string

@description('Object id of the person or pipeline that runs this deployment: allowed to create the Data Protection certificate in the Key Vault. Empty: grant it yourself.')
param deployerObjectId string = ''

@description('Administrator login of the PostgreSQL server.')
param postgresAdministratorLogin string = 'participantbot'

@description('Its password (generate one: openssl rand -base64 32). Kept in the Key Vault inside the connection string, never in an app setting.')
@secure()
param postgresAdministratorPassword string

@description('App Service plan size (P0v3: 1 vCPU, 4 GB; B1 for a trial).')
param appServiceSku string = 'P0v3'

@description('Instances of the web app: two or more share the database (Hangfire runs each recurring job once).')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('PostgreSQL compute (Burstable B1ms is enough for a few consultations at a time).')
param postgresSku string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'Burstable'

@description('Name of the Data Protection certificate in the Key Vault (created by deploy/README.md, step 4).')
param dataProtectionCertificateName string = 'dataprotection'

var suffix = uniqueString(resourceGroup().id, name)
var webAppName = '${name}-app-${suffix}'
var keyVaultName = take('${name}kv${suffix}', 24)
var postgresServerName = '${name}-pg-${suffix}'
var databaseName = 'participantbot'
var hostName = empty(publicHostName) ? webApp.properties.defaultHostName : publicHostName
var tenantId = tenant().tenantId

// Built-in roles (ids are the same in every tenant).
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultCertificateUser = 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba'
var keyVaultCertificatesOfficer = 'a4417e6f-fecd-4de8-b567-7b0420556985'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id-${suffix}'
  location: location
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource connectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-connection-string'
  properties: {
    contentType: 'Npgsql connection string'
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${databaseName};Username=${postgresAdministratorLogin};Password=${postgresAdministratorPassword};Ssl Mode=Require'
  }
}

resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource identityReadsCertificates 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultCertificateUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCertificateUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerCreatesCertificates 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerObjectId)) {
  name: guid(vault.id, deployerObjectId, keyVaultCertificatesOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCertificatesOfficer)
    principalId: deployerObjectId
  }
}

resource identityPublishesTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresServerName
  location: location
  sku: {
    name: postgresSku
    tier: postgresTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdministratorLogin
    administratorLoginPassword: postgresAdministratorPassword
    storage: { storageSizeGB: 32, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: 14, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    authConfig: { passwordAuth: 'Enabled', activeDirectoryAuth: 'Disabled' }
    network: { publicNetworkAccess: 'Enabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// Connections from Azure services only (the rule 0.0.0.0 means exactly that); TLS is required by the server.
resource fromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: { reserved: true }
}

var graphSettings = empty(mailbox) ? [] : [
  { name: 'Graph__TenantId', value: tenantId }
  { name: 'Graph__ClientId', value: identity.properties.clientId }
  { name: 'Graph__ManagedIdentity', value: identity.properties.clientId }
  { name: 'Graph__Mailbox', value: mailbox }
  { name: 'Email__MessagesPerMinute', value: '30' }
]
var administratorSettings = [for (objectId, i) in administratorObjectIds: { name: 'Auth__Administrators__${i}', value: objectId }]

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz/ready'
    }
  }
}

// The settings refer to the web app's own host name, so they are a resource of their own.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'appsettings'
  properties: toObject(concat([
    { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
    { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
    { name: 'App__PublicBaseUrl', value: 'https://${hostName}' }
    { name: 'Database__Provider', value: 'Postgres' }
    { name: 'ConnectionStrings__Default', value: '@Microsoft.KeyVault(SecretUri=${connectionString.properties.secretUri})' }
    { name: 'Auth__TenantId', value: tenantId }
    { name: 'Auth__ClientId', value: organiserAppClientId }
    { name: 'Auth__Audience', value: 'api://${hostName}/${organiserAppClientId}' }
    { name: 'Bot__MicrosoftAppType', value: 'UserAssignedMSI' }
    { name: 'Bot__MicrosoftAppId', value: identity.properties.clientId }
    { name: 'Bot__MicrosoftAppTenantId', value: tenantId }
    { name: 'Email__Contact', value: contactEmail }
    { name: 'Email__FromAddress', value: empty(mailbox) ? contactEmail : mailbox }
    { name: 'DataProtection__KeyVaultUri', value: vault.properties.vaultUri }
    { name: 'DataProtection__KeyVaultCertificateName', value: dataProtectionCertificateName }
    { name: 'DataProtection__ManagedIdentityClientId', value: identity.properties.clientId }
    { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  ], graphSettings, administratorSettings), s => s.name, s => s.value)
  dependsOn: [identityReadsSecrets, identityReadsCertificates, database, fromAzure]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: organisationName
    endpoint: 'https://${hostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
    disableLocalAuth: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

@description('The service\'s public address: the smoke test runs against it.')
output appUrl string = 'https://${hostName}'
@description('manifest/build.sh --host')
output publicHostName string = hostName
@description('manifest/build.sh --bot-id: the Azure Bot\'s app id (the managed identity\'s client id).')
output botAppId string = identity.properties.clientId
@description('manifest/build.sh --client-id: the app registration organisers sign in to.')
output organiserClientId string = organiserAppClientId
output tenantId string = tenantId
output webAppName string = webApp.name
output botName string = bot.name
@description('Grant it Graph\'s Calendars.ReadWrite and Mail.Send application permissions (deploy/README.md, step 6).')
output managedIdentityPrincipalId string = identity.properties.principalId
output managedIdentityClientId string = identity.properties.clientId
output keyVaultName string = vault.name
output postgresServerName string = postgres.name
output applicationInsightsName string = insights.name
