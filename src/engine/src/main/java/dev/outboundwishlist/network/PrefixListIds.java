package dev.outboundwishlist.network;

import java.util.Map;
import java.util.Optional;

/**
 * The AWS-managed prefix lists of the S3 and DynamoDB gateway endpoints, which security groups
 * need to allow traffic to those services without allowing every address. The ids differ by
 * Region; the online lookup asks EC2, the {@code PrefixLists} setting overrides, and this table
 * (recorded 2026-12-03, from the Regions' published values) covers the rest.
 */
final class PrefixListIds {

    private static final Map<String, Map<String, String>> KNOWN = Map.of(
            "us-east-1", Map.of("s3", "pl-63a5400a", "dynamodb", "pl-02cd2c6b"),
            "us-west-2", Map.of("s3", "pl-68a54001", "dynamodb", "pl-00a54069"),
            "eu-west-1", Map.of("s3", "pl-6da54004", "dynamodb", "pl-6fa54006"));

    private PrefixListIds() {
    }

    static Optional<String> known(String region, String service) {
        return Optional.ofNullable(KNOWN.getOrDefault(region, Map.of()).get(service));
    }
}
