package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.engine.Environment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a template expression where the macro can know it as CloudFormation will: a
 * literal, {@code !Ref} of a parameter whose value was passed, or {@code !Sub} of those and of
 * the pseudo parameters the macro knows. Anything else is only known to CloudFormation.
 */
final class KnownValues {

    /** Enough values to judge an expression by; a template's choices rarely multiply beyond it. */
    private static final int MAX_POSSIBLE = 64;

    private KnownValues() {
    }

    /**
     * Every value the expression may take that the template tells in full: those of {@link
     * #resolve}, of both branches of {@code Fn::If}, of the entries an {@code Fn::FindInMap} (or
     * its DefaultValue) or {@code Fn::Select} may pick (every one its unknown keys or index could
     * pick, from a written list, a list parameter or an {@code Fn::Split}), and of an {@code
     * Fn::Join} or {@code Fn::Sub} (with its variables) of such parts. A value with a part only
     * CloudFormation knows is left out.
     */
    static List<String> possible(JsonNode value, Environment environment, JsonNode mappings) {
        Set<String> values = new LinkedHashSet<>();
        collect(value, environment, mappings, values);
        return List.copyOf(values);
    }

    private static void collect(JsonNode value, Environment environment, JsonNode mappings, Set<String> into) {
        if (into.size() >= MAX_POSSIBLE || value == null) {
            return;
        }
        if (value.isValueNode() && !value.isNull()) {
            into.add(value.asText());
            return;
        }
        resolve(value, environment).ifPresent(into::add);
        JsonNode fnIf = value.path("Fn::If");
        if (value.size() == 1 && fnIf.isArray() && fnIf.size() == 3) {
            collect(fnIf.get(1), environment, mappings, into);
            collect(fnIf.get(2), environment, mappings, into);
        }
        JsonNode find = value.path("Fn::FindInMap");
        if (value.size() == 1 && find.isArray() && find.size() >= 3 && find.get(0).isTextual()) {
            for (JsonNode top : entries(mappings.path(find.get(0).textValue()), find.get(1), environment, mappings)) {
                for (JsonNode entry : entries(top, find.get(2), environment, mappings)) {
                    collect(entry, environment, mappings, into);
                }
            }
            // AWS::LanguageExtensions' fourth argument, for keys the mapping does not hold.
            collect(find.path(3).get("DefaultValue"), environment, mappings, into);
        }
        JsonNode select = value.path("Fn::Select");
        if (value.size() == 1 && select.isArray() && select.size() == 2) {
            List<String> indexes = possible(select.get(0), environment, mappings);
            if (select.get(1).isArray()) {
                for (int i = 0; i < select.get(1).size(); i++) {
                    if (indexes.isEmpty() || indexes.contains(String.valueOf(i))) {
                        collect(select.get(1).get(i), environment, mappings, into);
                    }
                }
            } else {
                for (List<String> list : lists(select.get(1), environment, mappings)) {
                    for (int i = 0; i < list.size(); i++) {
                        if ((indexes.isEmpty() || indexes.contains(String.valueOf(i))) && into.size() < MAX_POSSIBLE) {
                            into.add(list.get(i));
                        }
                    }
                }
            }
        }
        JsonNode sub = value.path("Fn::Sub");
        if (value.size() == 1 && sub.isArray() && sub.size() == 2 && sub.get(0).isTextual() && sub.get(1).isObject()) {
            substituted(sub.get(0).textValue(), sub.get(1), environment, mappings).stream()
                    .limit(Math.max(0, MAX_POSSIBLE - into.size())).forEach(into::add);
        }
        JsonNode join = value.path("Fn::Join");
        if (value.size() == 1 && join.isArray() && join.size() == 2 && join.get(0).isTextual()
                && join.get(1).isArray()) {
            List<String> joined = List.of("");
            for (int i = 0; i < join.get(1).size(); i++) {
                joined = append(joined, i == 0 ? "" : join.get(0).textValue(),
                        possible(join.get(1).get(i), environment, mappings));
            }
            joined.stream().limit(Math.max(0, MAX_POSSIBLE - into.size())).forEach(into::add);
        }
    }

    /**
     * The lists a value may give, each as its items: a list parameter's value or Default (comma
     * separated, as CloudFormation passes it), or an {@code Fn::Split} of a value the template tells.
     */
    private static List<List<String>> lists(JsonNode value, Environment environment, JsonNode mappings) {
        JsonNode split = value.path("Fn::Split");
        String delimiter = ",";
        JsonNode source = value;
        if (value.size() == 1 && split.isArray() && split.size() == 2 && split.get(0).isTextual()) {
            delimiter = split.get(0).textValue();
            source = split.get(1);
        } else if (!(value.size() == 1 && value.path("Ref").isTextual())) {
            return List.of();
        }
        List<List<String>> lists = new ArrayList<>();
        for (String text : possible(source, environment, mappings)) {
            lists.add(List.of(text.split(Pattern.quote(delimiter), -1)));
        }
        return lists;
    }

    /** An Fn::Sub with variables: each placeholder filled with every value its variable may take. */
    private static List<String> substituted(String text, JsonNode variables, Environment environment,
                                            JsonNode mappings) {
        List<String> results = List.of("");
        Matcher matcher = Placeholders.PLACEHOLDER.matcher(text);
        int last = 0;
        while (matcher.find()) {
            String literal = text.substring(last, matcher.start());
            String name = matcher.group(1);
            List<String> values = variables.has(name) ? possible(variables.get(name), environment, mappings)
                    : name(name, environment).map(List::of).orElse(List.of());
            results = append(results, literal, values);
            last = matcher.end();
        }
        String tail = text.substring(last);
        return results.stream().map(prefix -> prefix + tail).toList();
    }

    /** Each prefix followed by the text between and each part: every way a value may continue. */
    private static List<String> append(List<String> prefixes, String between, List<String> parts) {
        return prefixes.stream().flatMap(prefix -> parts.stream().map(part -> prefix + between + part))
                .limit(MAX_POSSIBLE).toList();
    }

    /** The entries of a mapping level a key picks: the one it names if known, else every one. */
    private static List<JsonNode> entries(JsonNode level, JsonNode key, Environment environment, JsonNode mappings) {
        if (!level.isObject()) {
            return List.of();
        }
        List<String> keys = possible(key, environment, mappings);
        List<JsonNode> entries = new ArrayList<>();
        level.properties().forEach(entry -> {
            if (keys.isEmpty() || keys.contains(entry.getKey())) {
                entries.add(entry.getValue());
            }
        });
        return entries;
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
