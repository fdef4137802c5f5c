package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.outboundwishlist.network.ServiceInference.Inference;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a function's permissions say it calls, and where each was read. */
class ServiceInferenceTest {

    @Test
    void samPoliciesOfEveryKind() throws Exception {
        JsonNode resources = resources("""
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Policies:
                      - AmazonS3ReadOnlyAccess
                      - SQSSendMessagePolicy: {QueueName: q}
                      - Statement:
                          - Effect: Allow
                            Action: [s3:GetObject, kinesis:PutRecord, firehose:PutRecord, kinesis:PutRecords]
                            Resource: '*'
                          - Effect: Allow
                            Action: sagemaker:InvokeEndpoint
                            Resource: '*'
                      - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonDynamoDBReadOnlyAccess
                      - !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/AmazonSNSFullAccess
                      - !Ref PolicyArnParameter
                      - arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole
                      - StepFunctionsExecutionPolicy_v2: {StateMachineName: m}
                      - !Sub ['arn:${AWS::Partition}:iam::aws:policy/AmazonSNSReadOnlyAccess', {}]
                      - !Sub ['arn:${AWS::Partition}:iam::aws:policy/${Name}', {Name: AmazonKinesisFullAccess}]
                """);
        assertThat(ServiceInference.of("Fn", resources)).containsExactly(
                new Inference("dynamodb", "managed policy AmazonDynamoDBReadOnlyAccess (Resources/Fn/Properties/Policies/3)"),
                new Inference("kinesis-firehose", "action firehose:PutRecord (Resources/Fn/Properties/Policies/2/Statement/0)"),
                new Inference("kinesis-streams", "action kinesis:PutRecord (Resources/Fn/Properties/Policies/2/Statement/0)"),
                new Inference("s3", "action s3:GetObject (Resources/Fn/Properties/Policies/2/Statement/0)"),
                new Inference("s3", "managed policy AmazonS3ReadOnlyAccess (Resources/Fn/Properties/Policies/0)"),
                new Inference("sagemaker.runtime", "action sagemaker:InvokeEndpoint (Resources/Fn/Properties/Policies/2/Statement/1)"),
                new Inference("sns", "managed policy AmazonSNSReadOnlyAccess (Resources/Fn/Properties/Policies/8)"),
                new Inference("sqs", "policy template SQSSendMessagePolicy (Resources/Fn/Properties/Policies/1)"),
                new Inference("states", "policy template StepFunctionsExecutionPolicy_v2 (Resources/Fn/Properties/Policies/7)"),
                new Inference("sync-states", "policy template StepFunctionsExecutionPolicy_v2 (Resources/Fn/Properties/Policies/7)"));
    }

    @Test
    void samPoliciesAsOneStringOrOneDocument() throws Exception {
        assertThat(ServiceInference.of("Fn", resources("""
                Fn:
                  Type: AWS::Serverless::Function
                  Properties: {Policies: AWSLambdaRole}
                """))).containsExactly(new Inference("lambda", "managed policy AWSLambdaRole (Resources/Fn/Properties/Policies)"));
        assertThat(ServiceInference.of("Fn", resources("""
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Policies:
                      Version: '2012-10-17'
                      Statement: {Effect: Allow, Action: 'secretsmanager:GetSecretValue', Resource: '*'}
                """))).containsExactly(new Inference("secretsmanager",
                "action secretsmanager:GetSecretValue (Resources/Fn/Properties/Policies/Statement)"));
    }

    private static final String ROLE = """
            FnRole:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument: {}
                ManagedPolicyArns:
                  - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
                  - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
                  - !Sub arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess
                  - !Ref TablePolicy
                  - AmazonSQSFullAccess
                Policies:
                  - PolicyName: inline
                    PolicyDocument:
                      Statement:
                        - Effect: Allow
                          Action: [logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents]
                          Resource: '*'
                        - Effect: Allow
                          Action: [events:PutEvents, 'SNS:Publish']
                          Resource: '*'
            TablePolicy:
              Type: AWS::IAM::ManagedPolicy
              Properties:
                PolicyDocument:
                  Statement: [{Effect: Allow, Action: 'dynamodb:*', Resource: '*'}]
            QueuePolicy:
              Type: AWS::IAM::Policy
              Properties:
                PolicyName: q
                Roles: [!Ref FnRole]
                PolicyDocument:
                  Statement:
                    Effect: Allow
                    Action: ['sqs:Send*', 'sqs:ReceiveMessage']
                    Resource: '*'
            OtherRolePolicy:
              Type: AWS::IAM::Policy
              Properties:
                PolicyName: other
                Roles: [!Ref OtherRole, SomeRoleName]
                PolicyDocument:
                  Statement: [{Effect: Allow, Action: 'kms:Decrypt', Resource: '*'}]
            """;

    private static final List<Inference> FROM_ROLE = List.of(
            new Inference("dynamodb", "action dynamodb:* (Resources/TablePolicy/Properties/PolicyDocument/Statement/0)"),
            new Inference("events", "action events:PutEvents (Resources/FnRole/Properties/Policies/0/PolicyDocument/Statement/1)"),
            new Inference("s3", "managed policy AmazonS3ReadOnlyAccess (Resources/FnRole/Properties/ManagedPolicyArns/1)"),
            new Inference("sns", "action SNS:Publish (Resources/FnRole/Properties/Policies/0/PolicyDocument/Statement/1)"),
            new Inference("sqs", "action sqs:Send* (Resources/QueuePolicy/Properties/PolicyDocument/Statement)"),
            new Inference("xray", "managed policy AWSXRayDaemonWriteAccess (Resources/FnRole/Properties/ManagedPolicyArns/2)"));

    @Test
    void samFunctionWithTemplateRoleReadsOnlyTheRole() throws Exception {
        JsonNode resources = resources("""
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Role: !GetAtt FnRole.Arn
                    Policies: [AmazonAthenaFullAccess]
                """ + ROLE);
        assertThat(ServiceInference.of("Fn", resources)).isEqualTo(FROM_ROLE);
    }

    @Test
    void rawFunctionWithRoleAndTracing() throws Exception {
        JsonNode resources = resources("""
                Fn:
                  Type: AWS::Lambda::Function
                  Properties:
                    Role: {'Fn::GetAtt': [FnRole, Arn]}
                    TracingConfig: {Mode: Active}
                """ + ROLE);
        List<Inference> expected = new ArrayList<>(FROM_ROLE);
        // Sources sort as strings: "TracingConfig" before "managed policy".
        expected.add(5, new Inference("xray", "TracingConfig.Mode: Active (Resources/Fn/Properties/TracingConfig/Mode)"));
        assertThat(ServiceInference.of("Fn", resources)).isEqualTo(expected);
        assertThat(ServiceInference.of("Fn", resources("""
                Fn:
                  Type: AWS::Lambda::Function
                  Properties: {Role: !Ref FnRole}
                """ + ROLE))).isEqualTo(FROM_ROLE);
        assertThat(ServiceInference.of("Fn", resources("""
                Fn:
                  Type: AWS::Lambda::Function
                  Properties: {Role: {'Fn::GetAtt': FnRole.Arn}}
                """ + ROLE))).isEqualTo(FROM_ROLE);
    }

    @Test
    void rolePolicyResourceNamingTheRole() throws Exception {
        JsonNode resources = resources("""
                Fn:
                  Type: AWS::Lambda::Function
                  Properties: {Role: !GetAtt R.Arn}
                R:
                  Type: AWS::IAM::Role
                  Properties: {AssumeRolePolicyDocument: {}}
                P:
                  Type: AWS::IAM::RolePolicy
                  Properties:
                    RoleName: !Ref R
                    PolicyName: p
                    PolicyDocument: {Statement: [{Effect: Allow, Action: 'ssm:GetParameter', Resource: '*'}]}
                """);
        assertThat(ServiceInference.of("Fn", resources)).containsExactly(
                new Inference("ssm", "action ssm:GetParameter (Resources/P/Properties/PolicyDocument/Statement/0)"));
    }

    @Test
    void rolesNotInTheTemplateSayNothing() throws Exception {
        for (String role : List.of("arn:aws:iam::123456789012:role/r", "!Ref RoleParameter", "!GetAtt Fn2.Arn",
                "!GetAtt FnRole.RoleId", "{'Fn::GetAtt': FnRole.RoleId}", "{'Fn::GetAtt': FnRole}",
                "!Sub 'arn:aws:iam::${AWS::AccountId}:role/${FnRole}'")) {
            JsonNode resources = resources("""
                    Fn:
                      Type: AWS::Serverless::Function
                      Properties:
                        Role: %s
                        Policies: [AmazonS3FullAccess]
                    Fn2:
                      Type: AWS::Serverless::Function
                      Properties: {}
                    """.formatted(role) + ROLE);
            assertThat(ServiceInference.of("Fn", resources)).as(role).isEmpty();
        }
    }

    @Test
    void tracing() throws Exception {
        JsonNode resources = resources("""
                Active:
                  Type: AWS::Serverless::Function
                  Properties: {Tracing: Active}
                PassThrough:
                  Type: AWS::Serverless::Function
                  Properties: {Tracing: PassThrough}
                RawPassThrough:
                  Type: AWS::Lambda::Function
                  Properties: {TracingConfig: {Mode: PassThrough}}
                """);
        assertThat(ServiceInference.of("Active", resources)).containsExactly(
                new Inference("xray", "Tracing: Active (Resources/Active/Properties/Tracing)"));
        assertThat(ServiceInference.of("PassThrough", resources)).isEmpty();
        assertThat(ServiceInference.of("RawPassThrough", resources)).isEmpty();
    }

    @Test
    void lambdaExecutionPoliciesSayNothing() throws Exception {
        JsonNode resources = resources("""
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Policies:
                      - AWSLambdaBasicExecutionRole
                      - arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole
                      - arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole
                      - arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole
                      - arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole
                      - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaMSKExecutionRole
                      - VPCAccessPolicy: {}
                      - EFSWriteAccessPolicy: {FileSystem: fs, AccessPoint: ap}
                      - Statement:
                          - Effect: Allow
                            Action: [logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents,
                                     ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces, ec2:DeleteNetworkInterface]
                            Resource: '*'
                """);
        assertThat(ServiceInference.of("Fn", resources)).isEmpty();
    }

    @Test
    void wildcardsUnknownPrefixesAndNotActionSayNothing() throws Exception {
        JsonNode resources = resources("""
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Policies:
                      - Statement:
                          - {Effect: Allow, Action: '*', Resource: '*'}
                          - {Effect: Allow, Action: ['*:*', 'ses:SendEmail', 'iam:PassRole', 'sqs'], Resource: '*'}
                          - {Effect: Allow, NotAction: 'sqs:SendMessage', Resource: '*'}
                          - {Effect: Allow, Action: ['sagemaker:CreateEndpoint', 'bedrock:GetFoundationModel',
                                                     'appconfig:GetConfiguration'], Resource: '*'}
                      - AdministratorAccess
                      - arn:aws:iam::aws:group/AmazonS3FullAccess
                      - arn:aws:sqs:us-east-1:aws:policy/AmazonSQSFullAccess
                      - NoSuchPolicyTemplate: {}
                """);
        assertThat(ServiceInference.of("Fn", resources)).isEmpty();
    }

    @Test
    void namedActionsAndWildcardsOverThem() {
        assertThat(IamActions.services("bedrock:InvokeModel")).containsExactly("bedrock-runtime");
        assertThat(IamActions.services("bedrock:Invoke*")).containsExactly("bedrock-agent-runtime", "bedrock-runtime");
        assertThat(IamActions.services("Bedrock:converse")).containsExactly("bedrock-runtime");
        assertThat(IamActions.services("appconfig:StartConfigurationSession")).containsExactly("appconfigdata");
        assertThat(IamActions.services("sagemaker:InvokeEndpoint?sync")).containsExactly("sagemaker.runtime");
        assertThat(IamActions.services("states:StartSyncExecution")).containsExactly("sync-states");
        assertThat(IamActions.services("states:Start*")).containsExactly("states", "sync-states");
        assertThat(IamActions.services("logs:*")).containsExactly("logs");
        assertThat(IamActions.services("logs:PutLogEvents")).isEmpty();
        assertThat(IamActions.services("logs:FilterLogEvents")).containsExactly("logs");
        assertThat(IamActions.services("cloudwatch:PutMetricData")).containsExactly("monitoring");
        assertThat(IamActions.services("execute-api:Invoke")).containsExactly("execute-api");
        assertThat(IamActions.services("rds-data:ExecuteStatement")).containsExactly("rds-data");
        assertThat(IamActions.services("ec2:DescribeInstances")).containsExactly("ec2");
        assertThat(IamActions.services("s3:")).isEmpty();
    }

    @Test
    void everyNameGivenIsAnEndpointService() {
        // A wildcard over each prefix gives every service that prefix can map to.
        for (String prefix : List.of("kinesis", "firehose", "cloudwatch", "states", "sagemaker", "bedrock", "appconfig",
                "logs", "ec2", "elasticfilesystem", "s3", "sqs", "rds-data")) {
            assertThat(IamActions.services(prefix + ":*")).as(prefix).isNotEmpty().allMatch(AwsServices::isKnown);
        }
        assertThat(KnownPolicies.SAM_TEMPLATES.values().stream().flatMap(Set::stream))
                .allMatch(AwsServices::isKnown);
        assertThat(KnownPolicies.AWS_MANAGED.values().stream().flatMap(Set::stream))
                .allMatch(AwsServices::isKnown);
    }

    @Test
    void denyIgnored() throws Exception {
        JsonNode resources = resources("""
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Policies:
                      - Statement:
                          - {Effect: Deny, Action: 'sqs:*', Resource: '*'}
                          - {Effect: allow, Action: 'sns:Publish', Resource: '*'}
                          - {Action: 'kms:Decrypt', Resource: '*'}
                          - {Effect: Allow, Action: 'xray:PutTraceSegments', Resource: '*'}
                """);
        assertThat(ServiceInference.of("Fn", resources)).containsExactly(
                new Inference("xray", "action xray:PutTraceSegments (Resources/Fn/Properties/Policies/0/Statement/3)"));
    }

    @Test
    void eachBranchOfAnFnIfIsReadAndNoValueLeftOut() throws Exception {
        JsonNode resources = resources("""
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Policies:
                      - !If [Prod, {SQSPollerPolicy: {QueueName: q}}, !Ref AWS::NoValue]
                      - !If [Prod, !Ref AWS::NoValue, !If [Test, AmazonS3ReadOnlyAccess, !Ref AWS::NoValue]]
                      - Statement:
                          - !If [Prod, {Effect: Allow, Action: 'sns:Publish'}, {Effect: Allow, Action: 'kms:Decrypt'}]
                Whole:
                  Type: AWS::Serverless::Function
                  Properties:
                    Policies: !If [Prod, [DynamoDBReadPolicy: {TableName: t}], !Ref AWS::NoValue]
                Raw:
                  Type: AWS::Lambda::Function
                  Properties: {Role: !If [Prod, !GetAtt R.Arn, !Ref AWS::NoValue]}
                R:
                  Type: AWS::IAM::Role
                  Properties:
                    ManagedPolicyArns:
                      - !If [Prod, !Sub 'arn:${AWS::Partition}:iam::aws:policy/AmazonSQSFullAccess', !Ref AWS::NoValue]
                    Policies:
                      - !If [Prod, {PolicyName: p, PolicyDocument: {Statement: {Effect: Allow, Action: 'ssm:GetParameter'}}},
                             !Ref AWS::NoValue]
                """);
        assertThat(ServiceInference.of("Fn", resources)).containsExactly(
                new Inference("kms", "action kms:Decrypt (Resources/Fn/Properties/Policies/2/Statement/0/Fn::If/2)"),
                new Inference("s3", "managed policy AmazonS3ReadOnlyAccess (Resources/Fn/Properties/Policies/1/Fn::If/2/Fn::If/1)"),
                new Inference("sns", "action sns:Publish (Resources/Fn/Properties/Policies/2/Statement/0/Fn::If/1)"),
                new Inference("sqs", "policy template SQSPollerPolicy (Resources/Fn/Properties/Policies/0/Fn::If/1)"));
        assertThat(ServiceInference.of("Whole", resources)).containsExactly(new Inference("dynamodb",
                "policy template DynamoDBReadPolicy (Resources/Whole/Properties/Policies/Fn::If/1/0)"));
        assertThat(ServiceInference.of("Raw", resources)).containsExactly(
                new Inference("sqs", "managed policy AmazonSQSFullAccess (Resources/R/Properties/ManagedPolicyArns/0/Fn::If/1)"),
                new Inference("ssm", "action ssm:GetParameter (Resources/R/Properties/Policies/0/Fn::If/1/PolicyDocument/Statement)"));
    }

    @Test
    void wrongTypesAreSkipped() throws Exception {
        JsonNode resources = resources("""
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Tracing: [Active]
                    Policies:
                      - 42
                      - [AmazonS3FullAccess]
                      - {SQSPollerPolicy: {}, SNSPublishMessagePolicy: {}}
                      - Statement: 7
                      - Statement: [null, 3, {Effect: [Allow], Action: 'sqs:*'}, {Effect: Allow, Action: 7},
                                    {Effect: Allow, Action: [{'Fn::Sub': 'sqs:*'}, 5, null]}]
                      - {'Fn::If': [Cond, AmazonS3FullAccess]}
                      - {'Fn::Sub': [42, {}]}
                      - {'Fn::Sub': []}
                      - Statement: {Effect: Allow, Action: ['lambda:InvokeFunction']}
                Raw:
                  Type: AWS::Lambda::Function
                  Properties: {Role: {'Fn::GetAtt': [R]}, TracingConfig: Active}
                Raw2:
                  Type: AWS::Lambda::Function
                  Properties: {Role: {'Fn::GetAtt': [R, Arn, x]}}
                Raw3:
                  Type: AWS::Lambda::Function
                  Properties: {Role: {'Fn::GetAtt': [R, Arn]}}
                R:
                  Type: AWS::IAM::Role
                  Properties:
                    ManagedPolicyArns: AmazonS3FullAccess
                    Policies: [{PolicyDocument: 5}, 7, {PolicyName: p}]
                Bad:
                  Type: AWS::IAM::Policy
                  Properties: {Roles: !Ref R, PolicyDocument: {Statement: {Effect: Allow, Action: 'sqs:*'}}}
                Bad2:
                  Type: AWS::IAM::Policy
                  Properties: {Roles: [{Ref: [R]}], PolicyDocument: {Statement: {Effect: Allow, Action: 'sqs:*'}}}
                NoProperties:
                  Type: AWS::Serverless::Function
                WrongProperties:
                  Type: AWS::Serverless::Function
                  Properties: [Policies]
                Queue:
                  Type: AWS::SQS::Queue
                  Properties: {Policies: [AmazonS3FullAccess]}
                """);
        assertThat(ServiceInference.of("Fn", resources)).containsExactly(
                new Inference("lambda", "action lambda:InvokeFunction (Resources/Fn/Properties/Policies/8/Statement)"));
        for (String id : List.of("Raw", "Raw2", "Raw3", "NoProperties", "WrongProperties", "Queue", "Missing", "R")) {
            assertThat(ServiceInference.of(id, resources)).as(id).isEmpty();
        }
        assertThat(ServiceInference.of(null, resources)).isEmpty();
        assertThat(ServiceInference.of("Fn", null)).isEmpty();
        assertThat(ServiceInference.of("Fn", JsonNodeFactory.instance.arrayNode())).isEmpty();
        assertThat(ServiceInference.of("Fn", JsonNodeFactory.instance.textNode("Fn"))).isEmpty();
    }

    @Test
    void oneEntryPerServiceAndSourceInOrder() throws Exception {
        JsonNode resources = resources("""
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Tracing: Active
                    Policies:
                      - Statement:
                          - Effect: Allow
                            Action: [sqs:ReceiveMessage, kms:Decrypt, 'SQS:SendMessage', sqs:DeleteMessage, kms:Encrypt]
                            Resource: '*'
                      - SQSPollerPolicy: {QueueName: a}
                      - AmazonSQSFullAccess
                      - Statement:
                          - {Effect: Allow, Action: 'xray:PutTraceSegments', Resource: '*'}
                          - {Effect: Allow, Action: 'sqs:SendMessage', Resource: '*'}
                """);
        List<Inference> result = ServiceInference.of("Fn", resources);
        assertThat(result).containsExactly(
                new Inference("kms", "action kms:Decrypt (Resources/Fn/Properties/Policies/0/Statement/0)"),
                new Inference("sqs", "action sqs:ReceiveMessage (Resources/Fn/Properties/Policies/0/Statement/0)"),
                new Inference("sqs", "action sqs:SendMessage (Resources/Fn/Properties/Policies/3/Statement/1)"),
                new Inference("sqs", "managed policy AmazonSQSFullAccess (Resources/Fn/Properties/Policies/2)"),
                new Inference("sqs", "policy template SQSPollerPolicy (Resources/Fn/Properties/Policies/1)"),
                new Inference("xray", "Tracing: Active (Resources/Fn/Properties/Tracing)"),
                new Inference("xray", "action xray:PutTraceSegments (Resources/Fn/Properties/Policies/3/Statement/0)"));
        assertThat(ServiceInference.of("Fn", resources)).isEqualTo(result);
    }

    @Test
    void aPolicyReachedTwiceIsListedOnce() throws Exception {
        JsonNode resources = resources("""
                Fn:
                  Type: AWS::Lambda::Function
                  Properties: {Role: !GetAtt R.Arn}
                R:
                  Type: AWS::IAM::Role
                  Properties: {ManagedPolicyArns: [!Ref P, !Ref P]}
                P:
                  Type: AWS::IAM::ManagedPolicy
                  Properties:
                    Roles: [!Ref R]
                    PolicyDocument: {Statement: [{Effect: Allow, Action: 'sns:Publish', Resource: '*'}]}
                """);
        assertThat(ServiceInference.of("Fn", resources)).containsExactly(
                new Inference("sns", "action sns:Publish (Resources/P/Properties/PolicyDocument/Statement/0)"));
    }

    private static JsonNode resources(String yaml) throws Exception {
        String template = "Resources:\n" + yaml.indent(2);
        return TemplateReader.read("t.yaml", template.getBytes(StandardCharsets.UTF_8), Optional.empty())
                .root().get("Resources");
    }
}
