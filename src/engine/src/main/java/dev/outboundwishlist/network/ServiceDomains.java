package dev.outboundwishlist.network;

import java.util.List;
import java.util.Map;

/**
 * The DNS names a function resolves to call an AWS service, for the DNS Firewall allow-list.
 * Most services answer at {@code NAME.REGION.amazonaws.com}; the exceptions are listed. Each name
 * is allowed with its subdomains (S3 buckets, API Gateway APIs and ECR registries live there).
 */
final class ServiceDomains {

    private static final Map<String, String> HOSTS = Map.of(
            "kinesis-streams", "kinesis",
            "kinesis-firehose", "firehose",
            "ecr.api", "api.ecr",
            "ecr.dkr", "dkr.ecr",
            "sagemaker.runtime", "runtime.sagemaker",
            "codeartifact.api", "codeartifact");

    private ServiceDomains() {
    }

    /** {@code Fn::Sub} patterns, such as {@code sqs.${AWS::Region}.amazonaws.com}. */
    static List<String> of(String service) {
        String host = HOSTS.getOrDefault(service, service) + ".${AWS::Region}.amazonaws.com";
        if (service.equals("s3")) {
            // SDKs still use the global name for some calls (and in us-east-1 by default).
            return List.of(host, "*." + host, "s3.amazonaws.com", "*.s3.amazonaws.com");
        }
        if (service.equals("dynamodb")) {
            // Newer SDKs call the account's own endpoint when they know the account id.
            return List.of(host, "*." + host, "${AWS::AccountId}.ddb.${AWS::Region}.amazonaws.com");
        }
        return List.of(host, "*." + host);
    }
}
