package dev.outboundwishlist.network;

import java.util.Map;
import java.util.Set;

/**
 * The endpoint services that named policies let a function call: SAM's policy templates and
 * common AWS managed policies. Written out here, since the macro runs offline and IAM's copies
 * cannot be read.
 */
final class KnownPolicies {

    /**
     * Every policy template of SAM 1.106.0 ({@code samtranslator/policy_templates_data/policy_templates.json},
     * Apache-2.0), mapped by {@link IamActions} from the actions of its Allow statements; a test checks
     * this against that file where it is installed. Templates for services without an endpoint here
     * (SES, Polly, CodeCommit...) map to nothing, and so does VPCAccessPolicy, whose network
     * interfaces Lambda itself manages.
     */
    static final Map<String, Set<String>> SAM_TEMPLATES = Map.ofEntries(
            Map.entry("AMIDescribePolicy", Set.of("ec2")),
            Map.entry("AWSSecretsManagerGetSecretValuePolicy", Set.of("secretsmanager")),
            Map.entry("AWSSecretsManagerRotationPolicy", Set.of("secretsmanager")),
            Map.entry("AcmGetCertificatePolicy", Set.of()),
            Map.entry("AthenaQueryPolicy", Set.of("athena")),
            Map.entry("CloudFormationDescribeStacksPolicy", Set.of("cloudformation")),
            Map.entry("CloudWatchDashboardPolicy", Set.of("monitoring")),
            Map.entry("CloudWatchDescribeAlarmHistoryPolicy", Set.of("monitoring")),
            Map.entry("CloudWatchPutMetricPolicy", Set.of("monitoring")),
            Map.entry("CodeCommitCrudPolicy", Set.of()),
            Map.entry("CodeCommitReadPolicy", Set.of()),
            Map.entry("CodePipelineLambdaExecutionPolicy", Set.of()),
            Map.entry("CodePipelineReadOnlyPolicy", Set.of()),
            Map.entry("ComprehendBasicAccessPolicy", Set.of("comprehend")),
            Map.entry("CostExplorerReadOnlyPolicy", Set.of()),
            Map.entry("DynamoDBBackupFullAccessPolicy", Set.of("dynamodb")),
            Map.entry("DynamoDBCrudPolicy", Set.of("dynamodb")),
            Map.entry("DynamoDBReadPolicy", Set.of("dynamodb")),
            Map.entry("DynamoDBReconfigurePolicy", Set.of("dynamodb")),
            Map.entry("DynamoDBRestoreFromBackupPolicy", Set.of("dynamodb")),
            Map.entry("DynamoDBStreamReadPolicy", Set.of("dynamodb")),
            Map.entry("DynamoDBWritePolicy", Set.of("dynamodb")),
            Map.entry("EC2CopyImagePolicy", Set.of("ec2")),
            Map.entry("EC2DescribePolicy", Set.of("ec2")),
            Map.entry("EFSWriteAccessPolicy", Set.of()),
            Map.entry("EKSDescribePolicy", Set.of()),
            Map.entry("EcsRunTaskPolicy", Set.of()),
            Map.entry("ElasticMapReduceAddJobFlowStepsPolicy", Set.of()),
            Map.entry("ElasticMapReduceCancelStepsPolicy", Set.of()),
            Map.entry("ElasticMapReduceModifyInstanceFleetPolicy", Set.of()),
            Map.entry("ElasticMapReduceModifyInstanceGroupsPolicy", Set.of()),
            Map.entry("ElasticMapReduceSetTerminationProtectionPolicy", Set.of()),
            Map.entry("ElasticMapReduceTerminateJobFlowsPolicy", Set.of()),
            Map.entry("ElasticsearchHttpPostPolicy", Set.of()),
            Map.entry("EventBridgePutEventsPolicy", Set.of("events")),
            Map.entry("FilterLogEventsPolicy", Set.of("logs")),
            Map.entry("FirehoseCrudPolicy", Set.of("kinesis-firehose")),
            Map.entry("FirehoseWritePolicy", Set.of("kinesis-firehose")),
            Map.entry("KMSDecryptPolicy", Set.of("kms")),
            Map.entry("KMSEncryptPolicy", Set.of("kms")),
            Map.entry("KMSEncryptPolicy_v2", Set.of("kms")),
            Map.entry("KinesisCrudPolicy", Set.of("kinesis-streams")),
            Map.entry("KinesisStreamReadPolicy", Set.of("kinesis-streams")),
            Map.entry("LambdaInvokePolicy", Set.of("lambda")),
            Map.entry("MobileAnalyticsWriteOnlyAccessPolicy", Set.of()),
            Map.entry("OrganizationsListAccountsPolicy", Set.of()),
            Map.entry("PinpointEndpointAccessPolicy", Set.of()),
            Map.entry("PollyFullAccessPolicy", Set.of()),
            Map.entry("RekognitionDetectOnlyPolicy", Set.of("rekognition")),
            Map.entry("RekognitionFacesManagementPolicy", Set.of("rekognition")),
            Map.entry("RekognitionFacesPolicy", Set.of("rekognition")),
            Map.entry("RekognitionLabelsPolicy", Set.of("rekognition")),
            Map.entry("RekognitionNoDataAccessPolicy", Set.of("rekognition")),
            Map.entry("RekognitionReadPolicy", Set.of("rekognition")),
            Map.entry("RekognitionWriteOnlyAccessPolicy", Set.of("rekognition")),
            Map.entry("Route53ChangeResourceRecordSetsPolicy", Set.of()),
            Map.entry("S3CrudPolicy", Set.of("s3")),
            Map.entry("S3FullAccessPolicy", Set.of("s3")),
            Map.entry("S3ReadPolicy", Set.of("s3")),
            Map.entry("S3WritePolicy", Set.of("s3")),
            Map.entry("SESBulkTemplatedCrudPolicy", Set.of()),
            Map.entry("SESBulkTemplatedCrudPolicy_v2", Set.of()),
            Map.entry("SESCrudPolicy", Set.of()),
            Map.entry("SESEmailTemplateCrudPolicy", Set.of()),
            Map.entry("SESSendBouncePolicy", Set.of()),
            Map.entry("SNSCrudPolicy", Set.of("sns")),
            Map.entry("SNSPublishMessagePolicy", Set.of("sns")),
            Map.entry("SQSPollerPolicy", Set.of("sqs")),
            Map.entry("SQSSendMessagePolicy", Set.of("sqs")),
            Map.entry("SSMParameterReadPolicy", Set.of("ssm")),
            Map.entry("SSMParameterWithSlashPrefixReadPolicy", Set.of("ssm")),
            Map.entry("SageMakerCreateEndpointConfigPolicy", Set.of()),
            Map.entry("SageMakerCreateEndpointPolicy", Set.of()),
            Map.entry("ServerlessRepoReadWriteAccessPolicy", Set.of()),
            Map.entry("StepFunctionsCallbackPolicy", Set.of("states")),
            Map.entry("StepFunctionsExecutionPolicy", Set.of("states")),
            Map.entry("StepFunctionsExecutionPolicy_v2", Set.of("states", "sync-states")),
            Map.entry("TextractDetectAnalyzePolicy", Set.of("textract")),
            Map.entry("TextractGetResultPolicy", Set.of("textract")),
            Map.entry("TextractPolicy", Set.of("textract")),
            Map.entry("VPCAccessPolicy", Set.of()));

    /**
     * AWS managed policies, by name, mapped to the services they exist for: the console's helpers
     * some carry (listing IAM roles, reading CloudWatch metrics) are not calls a function makes.
     * Only policies whose purpose is certain are here; any other name says nothing.
     */
    static final Map<String, Set<String>> AWS_MANAGED = Map.ofEntries(
            // Lambda uses these itself, outside the function's network: it writes the function's logs,
            // manages its network interfaces and polls its event sources (SQS, Kinesis, DynamoDB
            // streams, MSK) before invoking it. The function calls none of them.
            Map.entry("AWSLambdaBasicExecutionRole", Set.of()),
            Map.entry("AWSLambdaVPCAccessExecutionRole", Set.of()),
            Map.entry("AWSLambdaSQSQueueExecutionRole", Set.of()),
            Map.entry("AWSLambdaKinesisExecutionRole", Set.of()),
            Map.entry("AWSLambdaDynamoDBExecutionRole", Set.of()),
            Map.entry("AWSLambdaMSKExecutionRole", Set.of()),
            // Its S3 Get and Put are the function's own; its logs:* is the execution logging above.
            Map.entry("AWSLambdaExecute", Set.of("s3")),
            Map.entry("AmazonS3ReadOnlyAccess", Set.of("s3")),
            Map.entry("AmazonS3FullAccess", Set.of("s3")),
            Map.entry("AmazonDynamoDBReadOnlyAccess", Set.of("dynamodb")),
            Map.entry("AmazonDynamoDBFullAccess", Set.of("dynamodb")),
            Map.entry("AmazonSQSReadOnlyAccess", Set.of("sqs")),
            Map.entry("AmazonSQSFullAccess", Set.of("sqs")),
            Map.entry("AmazonSNSReadOnlyAccess", Set.of("sns")),
            Map.entry("AmazonSNSFullAccess", Set.of("sns")),
            Map.entry("SecretsManagerReadWrite", Set.of("secretsmanager")),
            Map.entry("AmazonSSMReadOnlyAccess", Set.of("ssm")),
            Map.entry("AmazonSSMFullAccess", Set.of("ssm")),
            Map.entry("AWSKeyManagementServicePowerUser", Set.of("kms")),
            Map.entry("AWSStepFunctionsReadOnlyAccess", Set.of("states")),
            Map.entry("AWSStepFunctionsFullAccess", Set.of("states", "sync-states")),
            Map.entry("AmazonEventBridgeReadOnlyAccess", Set.of("events")),
            Map.entry("AmazonEventBridgeFullAccess", Set.of("events")),
            Map.entry("AmazonEventBridgeSchedulerFullAccess", Set.of("scheduler")),
            Map.entry("AmazonKinesisReadOnlyAccess", Set.of("kinesis-streams")),
            Map.entry("AmazonKinesisFullAccess", Set.of("kinesis-streams")),
            Map.entry("AmazonKinesisFirehoseFullAccess", Set.of("kinesis-firehose")),
            Map.entry("CloudWatchReadOnlyAccess", Set.of("monitoring")),
            Map.entry("CloudWatchFullAccess", Set.of("monitoring")),
            Map.entry("CloudWatchLogsReadOnlyAccess", Set.of("logs")),
            Map.entry("CloudWatchLogsFullAccess", Set.of("logs")),
            Map.entry("AWSXrayWriteOnlyAccess", Set.of("xray")),
            Map.entry("AWSXRayDaemonWriteAccess", Set.of("xray")),
            Map.entry("AWSXrayReadOnlyAccess", Set.of("xray")),
            Map.entry("AWSXrayFullAccess", Set.of("xray")),
            Map.entry("AWSLambdaRole", Set.of("lambda")),
            Map.entry("AWSLambda_ReadOnlyAccess", Set.of("lambda")),
            Map.entry("AWSLambda_FullAccess", Set.of("lambda")),
            Map.entry("AmazonAPIGatewayInvokeFullAccess", Set.of("execute-api")),
            Map.entry("AmazonAthenaFullAccess", Set.of("athena")),
            Map.entry("AmazonRDSDataFullAccess", Set.of("rds-data")),
            Map.entry("AmazonBedrockFullAccess", Set.of("bedrock-runtime", "bedrock-agent-runtime")),
            Map.entry("AmazonTextractFullAccess", Set.of("textract")),
            Map.entry("ComprehendReadOnly", Set.of("comprehend")),
            Map.entry("ComprehendFullAccess", Set.of("comprehend")),
            Map.entry("TranslateReadOnly", Set.of("translate")),
            Map.entry("TranslateFullAccess", Set.of("translate")),
            Map.entry("AmazonRekognitionReadOnlyAccess", Set.of("rekognition")),
            Map.entry("AmazonRekognitionFullAccess", Set.of("rekognition")),
            Map.entry("AWSCloudFormationReadOnlyAccess", Set.of("cloudformation")),
            Map.entry("AmazonEC2ReadOnlyAccess", Set.of("ec2")));

    private KnownPolicies() {
    }
}
