package dev.outboundwishlist.taskrole;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name the helper's SDK (boto3) knows a task's service by. Step Functions names services as
 * the AWS SDK for Java does ({@code costexplorer}, {@code elasticloadbalancingv2}); where boto3's
 * name differs, this says so, and everywhere else the names agree.
 */
final class BotoServices {

    private static final Pattern LAMBDA_FUNCTION = Pattern.compile("arn:[^:]+:lambda:.*");
    private static final Pattern INTEGRATION = Pattern.compile("arn:[^:]+:states:::(aws-sdk:)?([\\w-]+):(\\w+)");
    private static final Map<String, String> DIFFERENT = Map.ofEntries(
            Map.entry("sfn", "stepfunctions"), Map.entry("states", "stepfunctions"),
            Map.entry("eventbridge", "events"), Map.entry("cloudwatchlogs", "logs"),
            Map.entry("costexplorer", "ce"), Map.entry("cognitoidentityprovider", "cognito-idp"),
            Map.entry("cognitoidentity", "cognito-identity"), Map.entry("elasticloadbalancingv2", "elbv2"),
            Map.entry("elasticloadbalancing", "elb"), Map.entry("elasticmapreduce", "emr"),
            Map.entry("emrcontainers", "emr-containers"), Map.entry("emrserverless", "emr-serverless"),
            Map.entry("applicationautoscaling", "application-autoscaling"), Map.entry("acmpca", "acm-pca"),
            Map.entry("bedrockruntime", "bedrock-runtime"), Map.entry("bedrockagentruntime", "bedrock-agent-runtime"),
            Map.entry("bedrockagent", "bedrock-agent"), Map.entry("sagemakerruntime", "sagemaker-runtime"),
            Map.entry("lexruntimev2", "lexv2-runtime"), Map.entry("lexmodelsv2", "lexv2-models"),
            Map.entry("iotdata", "iot-data"), Map.entry("redshiftdata", "redshift-data"), Map.entry("rdsdata", "rds-data"),
            Map.entry("timestreamwrite", "timestream-write"), Map.entry("timestreamquery", "timestream-query"),
            Map.entry("marketplacecatalog", "marketplace-catalog"), Map.entry("ssoadmin", "sso-admin"),
            Map.entry("ssmincidents", "ssm-incidents"), Map.entry("ec2instanceconnect", "ec2-instance-connect"),
            Map.entry("codestarnotifications", "codestar-notifications"), Map.entry("mediastoredata", "mediastore-data"),
            Map.entry("pinpointemail", "pinpoint-email"), Map.entry("pinpointsmsvoice", "pinpoint-sms-voice"),
            Map.entry("kinesisanalyticsv2", "kinesisanalyticsv2"), Map.entry("apigatewayv2", "apigatewayv2"));

    private BotoServices() {
    }

    /** boto3's name for the service a task's Resource calls, or null where it is no AWS API call. */
    static String of(String integration) {
        if (LAMBDA_FUNCTION.matcher(integration).matches()) {
            return "lambda";
        }
        Matcher matcher = INTEGRATION.matcher(integration);
        if (!matcher.matches()) {
            return null;
        }
        String service = matcher.group(2);
        // The optimized Bedrock integration invokes models: that call belongs to the runtime client.
        if (matcher.group(1) == null && service.equals("bedrock") && matcher.group(3).equals("invokeModel")) {
            return "bedrock-runtime";
        }
        return DIFFERENT.getOrDefault(service, service);
    }
}
