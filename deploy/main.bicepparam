// The organisation's values for deploy/main.bicep: copy this file (e.g. to tanger.bicepparam), fill it in,
// and deploy with it (deploy/README.md, step 3). No secret here: the database password comes from the
// environment variable POSTGRES_PASSWORD of the shell that deploys.
using 'main.bicep'

param name = 'pbtanger'
param organisationName = 'Consultations – Agence'
param organiserAppClientId = '00000000-0000-0000-0000-000000000000'
param administratorObjectIds = [
  '00000000-0000-0000-0000-000000000000'
]
param mailbox = 'consultations@agency.example.org'
param contactEmail = 'consultations@agency.example.org'
param deployerObjectId = ''
param postgresAdministratorPassword = readEnvironmentVariable('POSTGRES_PASSWORD', '')
