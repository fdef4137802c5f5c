package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.TemplateRoles;
import dev.outboundwishlist.template.Intrinsics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS services a function's permissions show it calls, each with where that was read. A
 * fenced function reaches AWS only through the VPC endpoints it is given, and what it may call is
 * the best offline evidence of what it does call. Only what the template says is read: a role or
 * policy defined elsewhere, or an ARN built at deploy time, says nothing, and odd values are skipped.
 */
final class ServiceInference {

    /**
     * @param source human-readable origin, e.g.
     *               "policy template SQSSendMessagePolicy (Resources/Fn/Properties/Policies/1)"
     */
    record Inference(String service, String source) {
    }

    /**
     * An ARN with a literal account, written in one of the function's policies.
     *
     * @param service the ARN's service field (sqs, secretsmanager, kinesis, …)
     * @param region  the ARN's Region field, empty where it is a placeholder
     */
    record ResourceArn(String service, String region, String account, String arn, TemplatePath path) {
    }

    /** A resource of the template the function may invoke, by its logical id, where the grant is written. */
    record Callee(String id, TemplatePath path) {
    }

    static final Set<String> FUNCTION_TYPES = Set.of("AWS::Lambda::Function", "AWS::Serverless::Function");
    private static final String INVOKE = "lambda:invokefunction";
    /** AWS managed policies that let a role invoke every function. */
    private static final Set<String> INVOKING_MANAGED = Set.of("AWSLambdaRole", "AWSLambda_FullAccess",
            "AWSLambdaFullAccess");
    /** A function's ARN (or a pattern of them): its name, then an optional version or alias. */
    private static final Pattern FUNCTION_ARN = Pattern.compile("arn:[^:]*:lambda:[^:]*:[^:]*:function:([^:]+)(:.*)?");

    /** arn:PARTITION:SERVICE:REGION:ACCOUNT:…, the account literal (placeholders elsewhere allowed). */
    private static final Pattern ACCOUNT_ARN = Pattern.compile("arn:[^:]+:([a-z0-9-]+):([^:]*):(\\d{12}):.+");

    private static final Comparator<Inference> ORDER =
            Comparator.comparing(Inference::service).thenComparing(Inference::source);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

    private final JsonNode resources;
    private final Set<Inference> found = new TreeSet<>(ORDER);
    private final List<ResourceArn> arns = new ArrayList<>();
    private final List<Callee> callees = new ArrayList<>();

    private ServiceInference(JsonNode resources) {
        this.resources = resources;
    }

    /**
     * @param functionId the function's logical id
     * @param resources  the template's Resources, to follow the function's Role to an AWS::IAM::Role
     *                   and find the policies attached to it
     * @return by service, then source; empty for anything but a Lambda function
     */
    static List<Inference> of(String functionId, JsonNode resources) {
        return List.copyOf(read(functionId, resources).found);
    }

    /** The ARNs with a literal account in the policies {@link #of} reads, in the order written. */
    static List<ResourceArn> resourceArns(String functionId, JsonNode resources) {
        return List.copyOf(read(functionId, resources).arns);
    }

    /** What the policies {@link #of} reads let the function invoke: resources of the template, by id. */
    static List<Callee> callees(String functionId, JsonNode resources) {
        return List.copyOf(read(functionId, resources).callees);
    }

    private static ServiceInference read(String functionId, JsonNode resources) {
        ServiceInference inference = new ServiceInference(resources);
        if (functionId == null || resources == null || !resources.isObject()) {
            return inference;
        }
        JsonNode function = resources.path(functionId);
        JsonNode properties = function.path("Properties");
        if (!properties.isObject()) {
            return inference;
        }
        TemplatePath path = TemplatePath.of("Resources", functionId, "Properties");
        switch (function.path("Type").asText()) {
            case "AWS::Serverless::Function" -> inference.samFunction(properties, path);
            case "AWS::Lambda::Function" -> {
                inference.role(properties.get("Role"));
                inference.tracing(properties.path("TracingConfig").path("Mode"), path.key("TracingConfig").key("Mode"),
                        "TracingConfig.Mode");
            }
            default -> {
            }
        }
        return inference;
    }

    /**
     * What {@code Globals.Function.Tracing} gives a SAM function that sets no Tracing of its own:
     * X-Ray where it is Active, under any branch of an {@code Fn::If}.
     */
    static List<Inference> ofGlobalTracing(JsonNode tracing) {
        ServiceInference inference = new ServiceInference(null);
        inference.tracing(tracing, TemplatePath.of("Globals", "Function", "Tracing"), "Tracing");
        return List.copyOf(inference.found);
    }

    private void samFunction(JsonNode properties, TemplatePath path) {
        JsonNode role = properties.get("Role");
        // SAM creates a role from Policies only when no Role is given, and ignores them otherwise.
        if (role != null && !role.isNull()) {
            role(role);
        } else {
            eachBranch(properties.path("Policies"), path.key("Policies"), (policies, at) -> {
                if (policies.isArray()) {
                    for (int i = 0; i < policies.size(); i++) {
                        eachBranch(policies.get(i), at.index(i), this::samPolicy);
                    }
                } else {
                    samPolicy(policies, at);
                }
            });
        }
        tracing(properties.path("Tracing"), path.key("Tracing"), "Tracing");
    }

    /**
     * The value, or each branch of an {@code Fn::If} (nested ones too, {@code AWS::NoValue} left
     * out): what a function may call under any of its conditions is what its network must allow.
     */
    private static void eachBranch(JsonNode value, TemplatePath path, BiConsumer<JsonNode, TemplatePath> action) {
        JsonNode fnIf = value.path("Fn::If");
        if (value.size() == 1 && fnIf.isArray() && fnIf.size() == 3) {
            for (int branch = 1; branch <= 2; branch++) {
                JsonNode chosen = fnIf.get(branch);
                if (!(chosen.size() == 1 && chosen.path("Ref").asText().equals("AWS::NoValue"))) {
                    eachBranch(chosen, path.key("Fn::If").index(branch), action);
                }
            }
        } else {
            action.accept(value, path);
        }
    }

    /** Active tracing sends segments to X-Ray from inside the function's environment, over its network. */
    private void tracing(JsonNode mode, TemplatePath path, String what) {
        eachBranch(mode, path, (branch, at) -> {
            if (branch.isTextual() && branch.textValue().equals("Active")) {
                add("xray", what + ": Active", at);
            }
        });
    }

    /** One SAM Policies item: a managed policy, an inline document or a policy template. */
    private void samPolicy(JsonNode item, TemplatePath path) {
        if (item.isTextual() || Intrinsics.isIntrinsic(item)) {
            managedPolicy(item, path, true);
        } else if (item.isObject() && item.has("Statement")) {
            document(item, path);
        } else if (item.isObject() && item.size() == 1) {
            String name = item.fieldNames().next();
            for (String service : KnownPolicies.SAM_TEMPLATES.getOrDefault(name, Set.of())) {
                add(service, "policy template " + name, path);
            }
            arns(item.get(name), path.key(name));
            if (name.equals("LambdaInvokePolicy")) {
                callees(item.get(name), path.key(name));
            }
        }
    }

    /**
     * A managed policy given by ARN (literal, or with Fn::Sub placeholders around a literal name),
     * by name where SAM allows it, or by Ref to an AWS::IAM::ManagedPolicy in the template.
     */
    private void managedPolicy(JsonNode value, TemplatePath path, boolean nameAllowed) {
        if (value.isObject() && value.size() == 1 && value.path("Ref").isTextual()) {
            String id = value.get("Ref").textValue();
            if (isType(id, "AWS::IAM::ManagedPolicy")) {
                document(resources.get(id).path("Properties").path("PolicyDocument"),
                        TemplatePath.of("Resources", id, "Properties", "PolicyDocument"));
            }
            return;
        }
        JsonNode text = value;
        if (Intrinsics.isIntrinsic(value)) {
            // Only Fn::Sub keeps the name readable; any other intrinsic is resolved at deploy time.
            JsonNode sub = value.path("Fn::Sub");
            text = sub.isArray() ? sub.path(0) : sub;
        }
        if (!text.isTextual()) {
            return;
        }
        // Placeholders such as ${AWS::Partition} hold colons; only their place matters here.
        String arn = PLACEHOLDER.matcher(text.textValue()).replaceAll(Matcher.quoteReplacement("${}"));
        String name;
        if (arn.startsWith("arn:")) {
            // arn:PARTITION:iam::aws:policy/PATH/NAME; a customer's policy of the same name is not AWS's.
            String[] parts = arn.split(":", 6);
            if (parts.length < 6 || !parts[2].equals("iam") || !parts[4].equals("aws")
                    || !parts[5].startsWith("policy/")) {
                return;
            }
            name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
        } else if (nameAllowed && value.isTextual()) {
            name = text.textValue();
        } else {
            return;
        }
        for (String service : KnownPolicies.AWS_MANAGED.getOrDefault(name, Set.of())) {
            add(service, "managed policy " + name, path);
        }
        if (INVOKING_MANAGED.contains(name)) {
            functionsNamed("*", path);
        }
    }

    /** Follows a function's Role to an AWS::IAM::Role in the template. */
    private void role(JsonNode value) {
        if (value != null) {
            eachBranch(value, TemplatePath.ROOT, (role, unused) -> roleOf(role));
        }
    }

    private void roleOf(JsonNode value) {
        Optional<String> named = TemplateRoles.named(value, resources);
        if (named.isEmpty()) {
            return;
        }
        String id = named.get();
        JsonNode properties = resources.get(id).path("Properties");
        TemplatePath path = TemplatePath.of("Resources", id, "Properties");
        JsonNode managed = properties.path("ManagedPolicyArns");
        for (int i = 0; managed.isArray() && i < managed.size(); i++) {
            eachBranch(managed.get(i), path.key("ManagedPolicyArns").index(i),
                    (arn, at) -> managedPolicy(arn, at, false));
        }
        JsonNode inline = properties.path("Policies");
        for (int i = 0; inline.isArray() && i < inline.size(); i++) {
            eachBranch(inline.get(i), path.key("Policies").index(i),
                    (policy, at) -> document(policy.path("PolicyDocument"), at.key("PolicyDocument")));
        }
        attachedPolicies(id);
    }

    /** AWS::IAM::Policy and ManagedPolicy resources listing {@code !Ref role} in Roles, and RolePolicy naming it. */
    private void attachedPolicies(String roleId) {
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            JsonNode properties = resource.getValue().path("Properties");
            String type = resource.getValue().path("Type").asText();
            boolean attached = switch (type) {
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> {
                    JsonNode roles = properties.path("Roles");
                    boolean listed = false;
                    for (int i = 0; roles.isArray() && i < roles.size(); i++) {
                        listed |= isRefTo(roles.get(i), roleId);
                    }
                    yield listed;
                }
                case "AWS::IAM::RolePolicy" -> isRefTo(properties.path("RoleName"), roleId);
                default -> false;
            };
            if (attached) {
                document(properties.path("PolicyDocument"),
                        TemplatePath.of("Resources", resource.getKey(), "Properties", "PolicyDocument"));
            }
        }
    }

    private static boolean isRefTo(JsonNode value, String id) {
        return value.size() == 1 && value.path("Ref").isTextual() && value.get("Ref").textValue().equals(id);
    }

    private boolean isType(String id, String type) {
        JsonNode resource = resources.get(id);
        return resource != null && resource.path("Type").asText().equals(type);
    }

    /** A policy document: its Statement, one mapping or a list of them. */
    private void document(JsonNode document, TemplatePath path) {
        eachBranch(document.path("Statement"), path.key("Statement"), (statement, at) -> {
            if (statement.isArray()) {
                for (int i = 0; i < statement.size(); i++) {
                    eachBranch(statement.get(i), at.index(i), this::statement);
                }
            } else {
                statement(statement, at);
            }
        });
    }

    /** An Allow statement's actions, each service named by the first action that grants it. */
    private void statement(JsonNode statement, TemplatePath path) {
        JsonNode effect = statement.path("Effect");
        if (!effect.isTextual() || !effect.textValue().equals("Allow")) {
            return;
        }
        JsonNode action = statement.path("Action");
        Map<String, String> first = new LinkedHashMap<>();
        for (JsonNode one : action.isArray() ? action : List.of(action)) {
            if (one.isTextual()) {
                IamActions.services(one.textValue()).forEach(service -> first.putIfAbsent(service, one.textValue()));
            }
        }
        first.forEach((service, name) -> add(service, "action " + name, path));
        arns(statement.path("Resource"), path.key("Resource"));
        for (JsonNode one : action.isArray() ? action : List.of(action)) {
            if (one.isTextual() && glob(one.textValue()).matcher(INVOKE).matches()) {
                callees(statement.path("Resource"), path);
                break;
            }
        }
    }

    /** IAM's wildcards, matched without regard to case (against lower-case text). */
    private static Pattern glob(String pattern) {
        return IamActions.glob(pattern.toLowerCase(Locale.ROOT));
    }

    /**
     * The template's resources a value names: Ref, Fn::GetAtt, and Fn::Sub's ${Id} and
     * ${Id.Attribute}; and the functions a name, a function ARN or a pattern of them (* among
     * them) may stand for.
     */
    private void callees(JsonNode value, TemplatePath path) {
        JsonNode written = value.isTextual() ? value : value.size() == 1 && value.path("Fn::Sub").isTextual()
                ? value.get("Fn::Sub") : null;
        if (written != null) {
            String text = PLACEHOLDER.matcher(written.textValue()).replaceAll("*");
            Matcher arn = FUNCTION_ARN.matcher(text);
            if (text.equals("*") || arn.matches()) {
                functionsNamed(text.equals("*") ? "*" : arn.group(1), path);
            } else if (value.isTextual() && text.matches("[A-Za-z0-9_*?-]+")) {
                functionsNamed(text, path); // a function's name, as LambdaInvokePolicy takes it
            }
        }
        if (value.size() == 1 && value.path("Ref").isTextual()) {
            callee(value.get("Ref").textValue(), path);
        }
        JsonNode getAtt = value.path("Fn::GetAtt");
        if (value.size() == 1 && getAtt.isTextual()) {
            callee(getAtt.textValue().split("\\.", 2)[0], path);
        } else if (value.size() == 1 && getAtt.path(0).isTextual()) {
            callee(getAtt.get(0).textValue(), path);
        }
        JsonNode sub = value.path("Fn::Sub");
        JsonNode text = value.size() == 1 && sub.isArray() ? sub.path(0) : sub;
        if (value.size() == 1 && text.isTextual()) {
            Matcher matcher = PLACEHOLDER.matcher(text.textValue());
            while (matcher.find()) {
                String name = matcher.group().substring(2, matcher.group().length() - 1);
                callee(name.split("\\.", 2)[0], path);
            }
        }
        if (value.isArray() || value.isObject() && !Intrinsics.isIntrinsic(value)) {
            value.forEach(child -> callees(child, path));
        } else if (value.path("Fn::If").isArray() || value.path("Fn::Join").isArray()) {
            value.forEach(child -> callees(child, path));
        }
    }

    /**
     * The template's functions a name or pattern may stand for: those whose FunctionName it
     * matches, and, for a pattern starting with *, those CloudFormation names itself.
     */
    private void functionsNamed(String pattern, TemplatePath path) {
        Pattern glob = glob(pattern);
        resources.properties().forEach(resource -> {
            JsonNode name = resource.getValue().path("Properties").path("FunctionName");
            boolean function = FUNCTION_TYPES.contains(resource.getValue().path("Type").asText());
            if (function && (name.isTextual() ? glob.matcher(name.textValue().toLowerCase(Locale.ROOT)).matches()
                    : name.isMissingNode() && pattern.startsWith("*"))) {
                callee(resource.getKey(), path);
            }
        });
    }

    private void callee(String id, TemplatePath path) {
        if (resources.has(id) && callees.stream().noneMatch(c -> c.id().equals(id) && c.path().equals(path))) {
            callees.add(new Callee(id, path));
        }
    }

    /** The ARNs with a literal account within a value: text, or an Fn::Sub string. */
    private void arns(JsonNode value, TemplatePath path) {
        JsonNode sub = value.path("Fn::Sub");
        JsonNode text = value.isTextual() ? value : value.size() == 1 && sub.isArray() ? sub.path(0) : sub;
        if (text.isTextual()) {
            Matcher matcher = ACCOUNT_ARN.matcher(PLACEHOLDER.matcher(text.textValue())
                    .replaceAll(Matcher.quoteReplacement("${}")));
            ResourceArn arn = matcher.matches()
                    ? new ResourceArn(matcher.group(1), matcher.group(2).replace("${}", ""), matcher.group(3),
                    text.textValue(), path) : null;
            if (arn != null && !arns.contains(arn)) { // a role named in both branches of an Fn::If is read twice
                arns.add(arn);
            }
            return;
        }
        if (value.isObject() && !sub.isMissingNode()) {
            return;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                arns(value.get(i), path.index(i));
            }
        } else if (value.isObject()) {
            value.properties().forEach(field -> arns(field.getValue(), path.key(field.getKey())));
        }
    }

    private void add(String service, String what, TemplatePath path) {
        // Every name comes from this package's tables; the check keeps a typo from reaching a template.
        if (AwsServices.isKnown(service)) {
            found.add(new Inference(service, what + " (" + path + ")"));
        }
    }
}
