package dev.outboundwishlist.engine;

import java.util.List;

/**
 * The optional questions the macro may ask AWS, each degrading to a clear note when it cannot be
 * asked. The engine sees only this interface: the AWS SDK stays out of it, and out of an offline
 * run altogether.
 */
public interface Lookups {

    /** No AWS calls at all: the CLI's default. */
    Lookups OFFLINE = (role, targets) -> new AssumeRoleCheck.Unavailable(
            "online checks are off: --online, or the macro's OnlineLookups parameter");

    /** Does the role's own policy allow {@code sts:AssumeRole} on every one of the target role ARNs? */
    AssumeRoleCheck canAssume(String roleArn, List<String> targetRoleArns);

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
