package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shape of an IAM role ARN: {@code arn:PARTITION:iam::ACCOUNT:role/PATH/NAME}. */
final class RoleArns {

    private static final Pattern ROLE = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):iam::(\\d{12}):role/"
                    + "((?:[\\x21-\\x7E&&[^/]]+/)*)([\\w+=,.@-]{1,64})");

    /** Any role ARN, its parts possibly placeholders: partition, account, then the path and name (a placeholder may hold the path's slash). */
    private static final Pattern SHAPE = Pattern.compile("arn:([^:]+):iam::([^:]*):role(?:/|(?=PLACEHOLDER))(.+)");
    /** The grant would let the execution role assume every role the pattern matches. */
    private static final Problem WILDCARD = new Problem(DiagnosticCode.MALFORMED_ROLE_ARN, "names roles by a "
            + "wildcard (* or ?), and the execution role would be granted every role it matches; name the one role "
            + "the task runs under");

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
        if (shape.startsWith("PLACEHOLDER")) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(shape);
        if (matcher.matches() && (matcher.group(2) + matcher.group(3)).replace("PLACEHOLDER", "").matches(".*[*?].*")) {
            return Optional.of(WILDCARD);
        }
        if (!matcher.matches() || !accountShape(matcher.group(2))) {
            return Optional.of(new Problem(DiagnosticCode.MALFORMED_ROLE_ARN, "is not an IAM role ARN such as arn:"
                    + stackPartition + ":iam::123456789012:role/Name, whatever its placeholders stand for"));
        }
        String partition = matcher.group(1);
        if (!partition.contains("PLACEHOLDER") && !partition.equals(stackPartition)) {
            return Optional.of(otherPartition(partition, stackPartition));
        }
        return Optional.empty();
    }

    /** Twelve digits, or digits and placeholders that may make them. */
    private static boolean accountShape(String account) {
        return account.contains("PLACEHOLDER") ? account.replace("PLACEHOLDER", "").matches("\\d*")
                : account.matches("\\d{12}");
    }

    /**
     * What the macro can tell before CloudFormation resolves an intrinsic role ARN: the literal
     * parts of Fn::Sub and Fn::Join must still make a role ARN of the stack's partition without
     * wildcards, and a role of the template must be named by its Arn attribute.
     */
    static Optional<Problem> intrinsicProblem(JsonNode value, String partition, JsonNode resources) {
        JsonNode fnIf = value.path("Fn::If");
        if (fnIf.isArray() && fnIf.size() == 3 && (isNoValue(fnIf.get(1)) || isNoValue(fnIf.get(2)))) {
            // Credentials would be left empty, and the grant's Resource list too: both are refused at deploy.
            return Optional.of(new Problem(DiagnosticCode.MALFORMED_ROLE_ARN, "leaves the task without a "
                    + "role under one condition (AWS::NoValue), which the macro cannot expand into Credentials and a "
                    + "grant; name a role in both branches, or choose between whole definitions with Fn::If"));
        }
        JsonNode sub = value.path("Fn::Sub");
        JsonNode join = value.path("Fn::Join");
        String text = null;
        if (sub.isTextual() || sub.path(0).isTextual()) {
            text = sub.isTextual() ? sub.textValue() : sub.get(0).textValue();
        } else if (join.path(0).isTextual() && join.path(1).isArray()) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < join.get(1).size(); i++) {
                JsonNode part = join.get(1).get(i);
                joined.append(i == 0 ? "" : join.get(0).textValue()).append(part.isTextual() ? part.textValue()
                        : "${" + (part.path("Ref").isTextual() ? part.get("Ref").textValue() : "…") + "}");
            }
            text = joined.toString();
        }
        if (text != null) {
            String written = text;
            return shapeProblem(text, partition)
                    .map(p -> new Problem(p.code(), "'" + written + "' " + p.message()));
        }
        String id = value.path("Ref").isTextual() ? value.get("Ref").textValue() : null;
        String attribute = "the name";
        JsonNode getAtt = value.path("Fn::GetAtt");
        if (getAtt.isTextual() && getAtt.textValue().contains(".") || getAtt.size() == 2) {
            String[] parts = getAtt.isTextual() ? getAtt.textValue().split("\\.", 2)
                    : new String[] {getAtt.get(0).asText(), getAtt.get(1).asText()};
            id = parts[1].equals("Arn") ? null : parts[0];
            attribute = "the " + parts[1];
        }
        if (id != null && resources.path(id).path("Type").asText().equals("AWS::IAM::Role")) {
            return Optional.of(new Problem(DiagnosticCode.MALFORMED_ROLE_ARN, "gives " + attribute
                    + " of the role " + id + ", not its ARN; write !GetAtt " + id + ".Arn"));
        }
        return Optional.empty();
    }

    private static boolean isNoValue(JsonNode value) {
        return value.size() == 1 && value.path("Ref").asText().equals("AWS::NoValue");
    }

    /** What is wrong with a literal role ARN, or empty if it is well formed in the given partition. */
    static Optional<Problem> problem(String arn, String stackPartition) {
        Matcher matcher = ROLE.matcher(arn);
        Matcher shape = SHAPE.matcher(arn);
        // In a policy's Resource, * and ? match anything wherever they stand, a role path included.
        if (shape.matches() && (shape.group(2) + shape.group(3)).matches(".*[*?].*")) {
            return Optional.of(WILDCARD);
        }
        if (!matcher.matches()) {
            return Optional.of(new Problem(DiagnosticCode.MALFORMED_ROLE_ARN, "is not an IAM role ARN such as arn:"
                    + stackPartition + ":iam::123456789012:role/Name (a 12-digit account, role/, an optional path "
                    + "and the name)"));
        }
        if (!matcher.group(1).equals(stackPartition)) {
            return Optional.of(otherPartition(matcher.group(1), stackPartition));
        }
        return Optional.empty();
    }

    private static Problem otherPartition(String partition, String stackPartition) {
        return new Problem(DiagnosticCode.ROLE_ARN_OTHER_PARTITION, "is in the partition " + partition
                + ", but the stack's Region is in " + stackPartition + "; a role cannot be assumed across partitions");
    }
}
