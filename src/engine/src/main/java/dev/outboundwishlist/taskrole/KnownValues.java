package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.engine.Environment;

import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The value of a template expression where the macro can know it as CloudFormation will: a
 * literal, {@code !Ref} of a parameter whose value was passed, or {@code !Sub} of those and of
 * the pseudo parameters the macro knows. Anything else is only known to CloudFormation.
 */
final class KnownValues {


    private KnownValues() {
    }

    static Optional<String> resolve(JsonNode value, Environment environment) {
        if (value.isTextual()) {
            return Optional.of(value.textValue());
        }
        if (value.size() == 1 && value.path("Ref").isTextual()) {
            return name(value.get("Ref").textValue(), environment);
        }
        if (value.size() == 1 && value.path("Fn::Sub").isTextual()) {
            Matcher matcher = Placeholders.PLACEHOLDER.matcher(value.get("Fn::Sub").textValue());
            StringBuilder text = new StringBuilder();
            while (matcher.find()) {
                Optional<String> known = name(matcher.group(1), environment);
                if (known.isEmpty()) {
                    return Optional.empty();
                }
                matcher.appendReplacement(text, Matcher.quoteReplacement(known.get()));
            }
            matcher.appendTail(text);
            return Optional.of(text.toString());
        }
        return Optional.empty();
    }

    private static Optional<String> name(String name, Environment environment) {
        return switch (name) {
            case "AWS::Partition" -> Optional.of(environment.partition());
            case "AWS::Region" -> Optional.of(environment.region());
            case "AWS::AccountId" -> environment.accountId();
            default -> Optional.ofNullable(environment.parameterValues().get(name));
        };
    }
}
