package dev.outboundwishlist.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optional questions the macro may ask AWS, each degrading to a clear note when it cannot be
 * asked. The engine sees only this interface: the AWS SDK stays out of it, and out of an offline
 * run altogether.
 */
public interface Lookups {

    /** Why nothing was asked, when lookups are off. */
    String OFF = "online checks are off: --online, or the macro's OnlineLookups parameter";

    /** No AWS calls at all: the CLI's default. */
    Lookups OFFLINE = (role, targets) -> new AssumeRoleCheck.Unavailable(OFF);

    /** Does the role's own policy allow {@code sts:AssumeRole} on every one of the target role ARNs? */
    AssumeRoleCheck canAssume(String roleArn, List<String> targetRoleArns);

    /**
     * What EC2 says about the Region's network: its available zones, the zones offering each of
     * the endpoint services (asked as {@code com.amazonaws.REGION.NAME}; answered under the name
     * EC2 gives, which in the China Regions is {@code cn.com.amazonaws.REGION.NAME} for many) and
     * whether it takes an endpoint policy, and the S3 and DynamoDB prefix list ids.
     */
    default NetworkFacts networkFacts(String region, List<String> endpointServices) {
        return new NetworkFacts.Unavailable(OFF);
    }

    sealed interface NetworkFacts {

        /**
         * @param zones          available zone names, sorted
         * @param serviceZones   for each endpoint service name asked about that exists, the zones offering it
         * @param prefixLists    {@code s3} and {@code dynamodb} to their prefix list ids, where found
         * @param withoutPolicy  the endpoint services asked about that take no endpoint policy
         *                       ({@code VpcEndpointPolicySupported} false): their endpoints admit anyone
         */
        record Known(List<String> zones, Map<String, List<String>> serviceZones, Map<String, String> prefixLists,
                     Set<String> withoutPolicy) implements NetworkFacts {

            public Known(List<String> zones, Map<String, List<String>> serviceZones, Map<String, String> prefixLists) {
                this(zones, serviceZones, prefixLists, Set.of());
            }
        }

        record Unavailable(String reason) implements NetworkFacts {
        }
    }

    /** The answer of an IAM policy simulation. */
    sealed interface AssumeRoleCheck {

        record Allowed() implements AssumeRoleCheck {
        }

        record Denied(List<String> targetRoleArns) implements AssumeRoleCheck {
        }

        record Unavailable(String reason) implements AssumeRoleCheck {
        }
    }
}
