package dev.outboundwishlist.taskrole;

import dev.outboundwishlist.diagnostics.DiagnosticCode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shape of an IAM role ARN: {@code arn:PARTITION:iam::ACCOUNT:role/PATH/NAME}. */
final class RoleArns {

    private static final Pattern ROLE = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):iam::(\\d{12}):role/"
                    + "((?:[\\x21-\\x7E&&[^/]]+/)*)([\\w+=,.@-]{1,64})");

    private RoleArns() {
    }

    static boolean hasPlaceholder(String text) {
        return Placeholders.PLACEHOLDER.matcher(text).find();
    }

    /** What is wrong with a literal role ARN. */
    record Problem(DiagnosticCode code, String message) {
    }

    /**
     * What is wrong with a role ARN that has placeholders: those may stand for any part, but the
     * rest must still be an IAM role ARN ({@code arn:${AWS::Partition}:iam::${Account}:role/Name}).
     */
    static Optional<Problem> shapeProblem(String arn, String stackPartition) {
        String shape = Placeholders.PLACEHOLDER.matcher(arn).replaceAll("PLACEHOLDER");
        // A placeholder at the start may stand for the whole ARN; only its substitution can tell.
        if (shape.startsWith("PLACEHOLDER") || shape.matches("arn:[^:]+:iam::[^:]*:role/.+")) {
            return Optional.empty();
        }
        return Optional.of(new Problem(DiagnosticCode.MALFORMED_ROLE_ARN, "is not an IAM role ARN such as arn:"
                + stackPartition + ":iam::123456789012:role/Name, whatever its placeholders stand for"));
    }

    /** What is wrong with a literal role ARN, or empty if it is well formed in the given partition. */
    static Optional<Problem> problem(String arn, String stackPartition) {
        Matcher matcher = ROLE.matcher(arn);
        if (!matcher.matches()) {
            return Optional.of(new Problem(DiagnosticCode.MALFORMED_ROLE_ARN, "is not an IAM role ARN such as arn:"
                    + stackPartition + ":iam::123456789012:role/Name (a 12-digit account, role/, an optional path "
                    + "and the name)"));
        }
        if (!matcher.group(1).equals(stackPartition)) {
            return Optional.of(new Problem(DiagnosticCode.ROLE_ARN_OTHER_PARTITION, "is in the partition "
                    + matcher.group(1) + ", but the stack's Region is in " + stackPartition
                    + "; a role cannot be assumed across partitions"));
        }
        return Optional.empty();
    }
}
