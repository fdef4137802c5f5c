package dev.outboundwishlist.network;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS services a fenced function can reach through VPC endpoints, by the name of their
 * endpoint service ({@code com.amazonaws.REGION.NAME}). S3 and DynamoDB have free gateway
 * endpoints; the others get interface endpoints.
 */
final class AwsServices {

    static final Set<String> GATEWAY = Set.of("s3", "dynamodb");

    private static final Set<String> INTERFACE = new TreeSet<>(List.of(
            "sqs", "sns", "secretsmanager", "ssm", "ssmmessages", "kms", "states", "sync-states", "events",
            "kinesis-streams", "kinesis-firehose", "logs", "monitoring", "lambda", "sts", "ecr.api", "ecr.dkr",
            "execute-api", "xray", "athena", "glue", "rds-data", "sagemaker.runtime", "bedrock-runtime",
            "bedrock-agent-runtime", "appconfigdata", "scheduler", "textract", "comprehend", "translate",
            "rekognition", "cloudformation", "ec2", "codeartifact.api", "elasticfilesystem"));

    private AwsServices() {
    }

    static boolean isKnown(String name) {
        return GATEWAY.contains(name) || INTERFACE.contains(name);
    }

    static List<String> names() {
        TreeSet<String> all = new TreeSet<>(GATEWAY);
        all.addAll(INTERFACE);
        return List.copyOf(all);
    }
}
