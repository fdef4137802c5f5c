package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.Settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * VPC endpoint policies. An open endpoint lets code write to an attacker's bucket or queue, or
 * send anything with an attacker's own access keys — the very exfiltration the fence is about.
 * So every endpoint allows only principals of the stack's own account (and the trusted ones),
 * and, where every call of the service names a resource carrying {@code aws:ResourceAccount},
 * only resources of those accounts too. Calls that would let code pass the account's own
 * resources to someone else, or have AWS carry data past the fence, are denied outright.
 */
final class EndpointPolicies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String API_GATEWAY = "execute-api";

    /** Services whose every data-plane call names a resource carrying aws:ResourceAccount. */
    static final Set<String> OWN_ACCOUNT_CAPABLE = Set.of("s3", "dynamodb", "sqs", "sns", "secretsmanager", "kms",
            "lambda", "states", "sync-states", "events", "kinesis-streams", "kinesis-firehose", "ssm");

    /**
     * Calls denied through each endpoint, though they name the account's own resources: each
     * shares a resource outward (a policy, an ACL, a grant, a subscription, a queue or topic created
     * with a policy), sends data to a destination outside the fence (exports, replication, event
     * targets, notifications, push endpoints), runs code outside it (functions, state machines and
     * test runs of a state, stacks, commands and associations, jobs and sessions), or takes the
     * fence itself down (a function's VpcConfig, routes, security groups, endpoints).
     */
    static final Map<String, List<String>> DENIED = Map.ofEntries(
            Map.entry("s3", List.of("s3:PutBucketPolicy", "s3:PutBucketAcl", "s3:PutObjectAcl",
                    "s3:PutObjectVersionAcl", "s3:PutBucketPublicAccessBlock", "s3:PutBucketOwnershipControls",
                    "s3:PutReplicationConfiguration", "s3:PutBucketNotification", "s3:PutInventoryConfiguration",
                    "s3:PutAnalyticsConfiguration")),
            Map.entry("dynamodb", List.of("dynamodb:PutResourcePolicy", "dynamodb:ExportTableToPointInTime")),
            Map.entry("sqs", List.of("sqs:SetQueueAttributes", "sqs:AddPermission", "sqs:CreateQueue")),
            Map.entry("sns", List.of("sns:Subscribe", "sns:SetTopicAttributes", "sns:AddPermission",
                    "sns:CreateTopic", "sns:CreatePlatformApplication", "sns:CreatePlatformEndpoint")),
            Map.entry("secretsmanager", List.of("secretsmanager:PutResourcePolicy")),
            Map.entry("kms", List.of("kms:PutKeyPolicy", "kms:CreateGrant")),
            Map.entry("lambda", List.of("lambda:CreateFunction", "lambda:UpdateFunctionCode",
                    "lambda:UpdateFunctionConfiguration", "lambda:AddPermission", "lambda:CreateFunctionUrlConfig",
                    "lambda:UpdateFunctionUrlConfig", "lambda:PutFunctionEventInvokeConfig",
                    "lambda:UpdateFunctionEventInvokeConfig", "lambda:AddLayerVersionPermission")),
            Map.entry("states", List.of("states:CreateStateMachine", "states:UpdateStateMachine",
                    "states:TestState")),
            Map.entry("events", List.of("events:PutTargets", "events:PutPermission", "events:CreateApiDestination",
                    "events:UpdateApiDestination")),
            Map.entry("scheduler", List.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule")),
            Map.entry("kinesis-streams", List.of("kinesis:PutResourcePolicy")),
            Map.entry("kinesis-firehose", List.of("firehose:CreateDeliveryStream", "firehose:UpdateDestination")),
            Map.entry("ssm", List.of("ssm:SendCommand", "ssm:StartAutomationExecution", "ssm:CreateAssociation",
                    "ssm:UpdateAssociation", "ssm:ModifyDocumentPermission", "ssm:PutResourcePolicy")),
            Map.entry("logs", List.of("logs:PutSubscriptionFilter", "logs:PutAccountPolicy", "logs:PutDestination",
                    "logs:PutDestinationPolicy", "logs:PutResourcePolicy", "logs:CreateExportTask",
                    "logs:PutDeliveryDestination", "logs:PutDeliveryDestinationPolicy", "logs:CreateDelivery")),
            Map.entry("ecr.api", List.of("ecr:SetRepositoryPolicy", "ecr:PutRegistryPolicy",
                    "ecr:PutReplicationConfiguration")),
            Map.entry("cloudformation", List.of("cloudformation:CreateStack", "cloudformation:UpdateStack",
                    "cloudformation:CreateChangeSet", "cloudformation:CreateStackSet",
                    "cloudformation:UpdateStackSet")),
            Map.entry("glue", List.of("glue:PutResourcePolicy", "glue:CreateJob", "glue:UpdateJob",
                    "glue:CreateSession", "glue:RunStatement", "glue:CreateDevEndpoint", "glue:UpdateDevEndpoint")),
            Map.entry("ec2", List.of("ec2:RunInstances", "ec2:AuthorizeSecurityGroupEgress", "ec2:CreateRoute",
                    "ec2:ReplaceRoute", "ec2:AssociateRouteTable", "ec2:ReplaceRouteTableAssociation",
                    "ec2:CreateVpcEndpoint", "ec2:ModifyVpcEndpoint", "ec2:AttachInternetGateway",
                    "ec2:CreateNatGateway", "ec2:CreateVpcPeeringConnection", "ec2:AcceptVpcPeeringConnection",
                    "ec2:CreateTransitGatewayVpcAttachment", "ec2:ModifySnapshotAttribute",
                    "ec2:ModifyImageAttribute")));

    private EndpointPolicies() {
    }

    /** Whether the endpoint's policy keeps calls to the trusted accounts' resources. */
    static boolean boundsResources(String service) {
        return OWN_ACCOUNT_CAPABLE.contains(service) || service.equals(API_GATEWAY);
    }

    /** The policy for a service's endpoint, or empty for full access. */
    static Optional<ObjectNode> of(String service, Settings.Network settings) {
        if (settings.endpointPolicy() == Settings.EndpointPolicy.FullAccess) {
            return Optional.empty();
        }
        if (service.equals(API_GATEWAY)) {
            return Optional.of(apiGateway(settings));
        }
        ObjectNode document = NODES.objectNode();
        ObjectNode statement = allowEveryone(document, "OwnAccountOnly");
        statement.put("Action", "*");
        statement.put("Resource", "*");
        ObjectNode equals = statement.putObject("Condition").putObject("StringEquals");
        accounts(equals.putArray("aws:PrincipalAccount"), settings);
        if (OWN_ACCOUNT_CAPABLE.contains(service)) {
            accounts(equals.putArray("aws:ResourceAccount"), settings);
        }
        List<String> denied = DENIED.getOrDefault(service, List.of());
        if (!denied.isEmpty()) {
            ObjectNode deny = ((ArrayNode) document.get("Statement")).addObject();
            deny.put("Sid", "NoWayOutThroughOwnResources");
            deny.put("Effect", "Deny");
            deny.put("Principal", "*");
            denied.forEach(deny.putArray("Action")::add);
            deny.put("Resource", "*");
        }
        return Optional.of(document);
    }

    /**
     * A private API is mostly called without AWS credentials (no auth, a Lambda or Cognito
     * authorizer), where aws:PrincipalAccount is absent and would refuse every call: so this
     * endpoint admits anyone, but only to the trusted accounts' APIs, named by their ARNs.
     */
    private static ObjectNode apiGateway(Settings.Network settings) {
        ObjectNode document = NODES.objectNode();
        ObjectNode statement = allowEveryone(document, "OwnAccountApisOnly");
        statement.put("Action", "execute-api:Invoke");
        ArrayNode resources = statement.putArray("Resource");
        resources.addObject().put("Fn::Sub", "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:*");
        settings.trustedAccounts().forEach(account -> resources.addObject()
                .put("Fn::Sub", "arn:${AWS::Partition}:execute-api:${AWS::Region}:" + account + ":*"));
        return document;
    }

    /** The document's first statement: an Allow for any principal, bounded by what the caller adds. */
    private static ObjectNode allowEveryone(ObjectNode document, String sid) {
        document.put("Version", "2012-10-17");
        ObjectNode statement = document.putArray("Statement").addObject();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Principal", "*");
        return statement;
    }

    private static void accounts(ArrayNode list, Settings.Network settings) {
        list.addObject().put("Ref", "AWS::AccountId");
        settings.trustedAccounts().forEach(list::add);
    }
}
