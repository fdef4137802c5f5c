package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Extension;
import dev.outboundwishlist.engine.Settings;
import dev.outboundwishlist.statemachine.DefinitionLocator;
import dev.outboundwishlist.statemachine.DefinitionSite;
import dev.outboundwishlist.statemachine.Scope;
import dev.outboundwishlist.template.Intrinsics;
import dev.outboundwishlist.template.JsonFields;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E2: a {@code RoleArn} on a Task state runs that task under an assumed role. In native mode it
 * becomes the task's {@code Credentials} (Step Functions' own per-task credentials), and the
 * state machine's execution role is granted {@code sts:AssumeRole} on exactly the roles its tasks
 * name. In helper mode each such task instead calls a generated function that assumes the role
 * and makes the task's call; only that function may assume the roles, and the execution role may
 * only invoke it. A role picked at run time is granted only as the user listed it in
 * {@code CrossAccount.AllowedRoleArns}: the macro never invents a wildcard.
 */
public final class TaskRoleExtension implements Extension {

    private static final String[] KEYS = {"RoleArn", "RoleArn.$"};
    /** Tasks that wait for a job or a callback. */
    private static final Pattern WAITING_PATTERN = Pattern.compile(".*\\.(sync(:\\d+)?|waitForTaskToken)");
    /** Integrations that are no AWS API call a helper could make. */
    private static final Pattern HELPERLESS_PATTERN = Pattern.compile("arn:[^:]+:states:::(apigateway:invoke|eks:call)");
    /** Activities and HTTP tasks, which Step Functions cannot run with other credentials. */
    private static final Pattern CREDENTIALLESS_PATTERN =
            Pattern.compile("arn:[^:]+:states:[^:]*:[^:]*:activity:.*|arn:[^:]+:states:::http:invoke");

    @Override
    public void validate(ExpansionContext context) {
        checkAllowedRoleArns(context);
        Map<DefinitionSite, List<TaskRoleUse>> written = new LinkedHashMap<>();
        DefinitionLocator.locate(context).forEach(site -> written.put(site, uses(site, context)));
        checkConditionalDefinitions(context, written);
        boolean helperMode = context.settings().crossAccount().mode() == Settings.CrossAccountMode.HelperFunction;
        for (DefinitionSite site : written.keySet()) {
            checkUses(context, site, written.get(site), helperMode);
        }
    }

    /** Checks the uses of one definition and what they need from the settings. */
    private static void checkUses(ExpansionContext context, DefinitionSite site, List<TaskRoleUse> written,
                                  boolean helperMode) {
        if (!written.isEmpty() && !site.checkCanInline(context.diagnostics(), "a task-level RoleArn")) {
            return;
        }
        List<TaskRoleUse> uses = new ArrayList<>();
        for (TaskRoleUse use : written) {
            if (check(use, context) & checkMode(use, context, helperMode)) {
                uses.add(use);
            }
        }
        boolean allowedListWritten = context.root().path("Metadata").path("OutboundWishlist").path("CrossAccount")
                .has("AllowedRoleArns");
        if (uses.stream().anyMatch(TaskRoleUse::dynamic) && !allowedListWritten) {
            TaskRoleUse first = uses.stream().filter(TaskRoleUse::dynamic).findFirst().orElseThrow();
            site.report(context.diagnostics(), DiagnosticCode.DYNAMIC_ROLE_NOT_ALLOWED,
                    first.scope().statePath(first.stateName()).key(first.key()),
                    "picks the role at run time, so the macro cannot tell which roles to grant; list the roles "
                            + "it may pick in Metadata.OutboundWishlist.CrossAccount.AllowedRoleArns (ARNs or "
                            + "patterns, granted as written)");
        }
        for (TaskRoleUse use : uses) {
            if (!use.dynamic()) {
                grantValue(use, context, true);
            }
        }
    }

    /**
     * A grant whose roles all come from Fn::If branches is empty in a branch without a task role,
     * and IAM rejects a statement without resources: the user must decide.
     */
    private static void checkConditionalDefinitions(ExpansionContext context,
                                                    Map<DefinitionSite, List<TaskRoleUse>> uses) {
        Map<String, List<DefinitionSite>> byMachine = new LinkedHashMap<>();
        for (DefinitionSite site : uses.keySet()) {
            byMachine.computeIfAbsent(site.resourceId(), id -> new ArrayList<>()).add(site);
        }
        byMachine.forEach((machine, sites) -> {
            List<DefinitionSite> withRoles = sites.stream().filter(s -> !uses.get(s).isEmpty()).toList();
            boolean always = withRoles.stream().anyMatch(s -> s.branches().isEmpty());
            if (!withRoles.isEmpty() && !always && withRoles.size() < sites.size()) {
                withRoles.get(0).report(context.diagnostics(), DiagnosticCode.ROLE_ARN_IN_ONE_BRANCH, TemplatePath.ROOT,
                        "uses a task-level RoleArn in only some branches of Fn::If, so the grant would hold no role "
                                + "in the others, which IAM rejects; write Credentials and the grant yourself here");
            }
        });
    }

    /**
     * AllowedRoleArns are granted as written, so each must be in the stack's partition, and none may
     * name every role of every account (as '*' would, which the settings refuse already). Paths
     * count the entries as written, the malformed ones (reported by the settings) too.
     */
    private static void checkAllowedRoleArns(ExpansionContext context) {
        List<String> allowed = context.settings().crossAccount().allowedRoleArns();
        JsonNode written = context.root().at("/Metadata/OutboundWishlist/CrossAccount/AllowedRoleArns");
        for (int i = 0; i < written.size(); i++) {
            String arn = written.get(i).asText();
            if (!written.get(i).isTextual() || !allowed.contains(arn)) {
                continue;
            }
            TemplatePath path = TemplatePath.of("Metadata", "OutboundWishlist", "CrossAccount", "AllowedRoleArns", i);
            String partition = arn.split(":")[1];
            if (!partition.equals(context.environment().partition())) {
                context.diagnostics().report(DiagnosticCode.ROLE_ARN_OTHER_PARTITION, path,
                        "'" + arn + "' is in the partition " + partition + ", but the stack's Region is in "
                                + context.environment().partition() + "; a role cannot be assumed across partitions");
            } else if (arn.split(":", 6)[4].equals("*") && arn.substring(arn.indexOf(":role/") + 6).matches("[*?/]+")) {
                context.diagnostics().report(DiagnosticCode.MALFORMED_ROLE_ARN, path, "'" + arn + "' names every "
                        + "role of every account, as '*' would; name the accounts, or the roles (role/Partner*)");
            }
        }
    }

    @Override
    public void expand(ExpansionContext context) {
        boolean helperMode = context.settings().crossAccount().mode() == Settings.CrossAccountMode.HelperFunction;
        Map<String, List<JsonNode>> grants = new LinkedHashMap<>();
        Map<String, List<JsonNode>> integrations = new LinkedHashMap<>();
        Map<String, HelperFunction> helpers = new LinkedHashMap<>();
        for (DefinitionSite site : DefinitionLocator.locate(context)) {
            List<TaskRoleUse> uses = uses(site, context);
            if (uses.isEmpty()) {
                continue;
            }
            List<JsonNode> roles = grants.computeIfAbsent(site.resourceId(), id -> new ArrayList<>());
            List<JsonNode> calls = integrations.computeIfAbsent(site.resourceId(), id -> new ArrayList<>());
            for (TaskRoleUse use : uses) {
                // A definition inside Fn::If grants its roles only when that branch applies.
                if (use.dynamic()) {
                    context.settings().crossAccount().allowedRoleArns().forEach(arn ->
                            addOnce(roles, site.underSameConditions(JsonNodeFactory.instance.textNode(arn))));
                } else {
                    grantValue(use, context, false).ifPresent(role -> addOnce(roles, site.underSameConditions(role)));
                }
                Placeholders.templateValue(site, use.state().path("Resource"), context)
                        .ifPresent(call -> addOnce(calls, site.underSameConditions(allowedCall(call))));
                if (helperMode) {
                    HelperFunction helper = helpers.computeIfAbsent(site.resourceId(),
                            id -> HelperFunction.forMachine(context, id));
                    HelperCall.rewrite(use, HelperCall.reference(site, helper, context));
                } else {
                    moveIntoCredentials(use);
                }
            }
            site.writeBack();
        }
        if (helperMode) {
            helpers.forEach((machine, helper) -> {
                helper.addResources(context, machine, grants.get(machine), integrations.get(machine));
                ExecutionRoleGrant.grant(context, machine, new ExecutionRoleGrant.Permission(
                        "InvokeCrossAccountHelper", "lambda:InvokeFunction", List.of(helper.arn())),
                        "invoke-cross-account-helper");
            });
        } else {
            grants.forEach((machine, roles) -> ExecutionRoleGrant.grant(context, machine,
                    ExecutionRoleGrant.Permission.assumeRoles(roles), "assume-task-roles"));
        }
    }

    /** What each mode cannot do: native mode has no Region; the helper makes one request-response call. */
    private static boolean checkMode(TaskRoleUse use, ExpansionContext context, boolean helperMode) {
        DefinitionSite site = use.site();
        TemplatePath statePath = use.scope().statePath(use.stateName());
        String name = "'" + site.display(use.stateName()) + "'";
        String regionKey = use.state().has("Region.$") ? "Region.$" : "Region";
        JsonNode region = use.state().get(regionKey);
        if (region != null && !helperMode) {
            site.report(context.diagnostics(), DiagnosticCode.INVALID_TASK_REGION, statePath.key(regionKey),
                    "on " + name + " calls another Region, which only CrossAccount.Mode: HelperFunction can do; "
                            + "remove it, or switch to that mode");
            return false;
        }
        boolean literal = regionKey.equals("Region") && !(use.jsonata() && region != null
                && region.asText("").strip().startsWith("{%"));
        if (region != null && literal && !site.isPlaceholder(region)
                && !(region.isTextual() && Environment.isRegionName(region.textValue()))) {
            site.report(context.diagnostics(), DiagnosticCode.INVALID_TASK_REGION, statePath.key("Region"),
                    "must be a Region name such as eu-west-1");
            return false;
        }
        String resource = use.state().path("Resource").asText("");
        JsonNode timeout = use.state().get("TimeoutSeconds");
        if (helperMode && timeout != null && timeout.isIntegralNumber()
                && timeout.bigIntegerValue().compareTo(BigInteger.valueOf(HelperFunction.TIMEOUT)) > 0) {
            site.report(context.diagnostics(), DiagnosticCode.HELPER_TIMEOUT, statePath.key("TimeoutSeconds"),
                    "of " + name + " is " + timeout.bigIntegerValue() + " seconds, but the cross-account helper is a Lambda "
                            + "function, which stops after " + HelperFunction.TIMEOUT + " (15 minutes): a longer call "
                            + "fails then; lower TimeoutSeconds, or use CrossAccount.Mode: Native");
        }
        if (helperMode && WAITING_PATTERN.matcher(resource).matches()) {
            site.report(context.diagnostics(), DiagnosticCode.HELPER_CANNOT_RUN_TASK, statePath.key("Resource"),
                    "of " + name + " waits for a job or a callback, which the cross-account helper cannot do "
                            + "(it makes one request-response call); use CrossAccount.Mode: Native, where the "
                            + "task's own Credentials support it");
            return false;
        }
        if (helperMode && HELPERLESS_PATTERN.matcher(resource).matches()) {
            site.report(context.diagnostics(), DiagnosticCode.HELPER_CANNOT_RUN_TASK, statePath.key("Resource"),
                    "of " + name + " is an integration that is no AWS API call, which the cross-account helper "
                            + "cannot make; use CrossAccount.Mode: Native");
            return false;
        }
        return true;
    }

    @Override
    public void checkExpanded(ExpansionContext context) {
        for (DefinitionSite site : DefinitionLocator.locate(context)) {
            for (TaskRoleUse use : uses(site, context)) {
                site.report(context.diagnostics(), DiagnosticCode.EXTENSION_KEY_LEFT,
                        use.scope().statePath(use.stateName()).key(use.key()), "was not expanded; please report it");
            }
        }
    }

    private static List<TaskRoleUse> uses(DefinitionSite site, ExpansionContext context) {
        List<TaskRoleUse> uses = new ArrayList<>();
        for (Scope scope : Scope.all(site.definition())) {
            for (Iterator<Map.Entry<String, JsonNode>> it = scope.states().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> state = it.next();
                if (!(state.getValue() instanceof ObjectNode body)) {
                    continue;
                }
                for (String key : KEYS) {
                    if (body.has(key)) {
                        boolean jsonata = Scope.JSONATA.equals(scope.languageOf(body));
                        uses.add(new TaskRoleUse(site, scope, state.getKey(), body, key, body.get(key), jsonata));
                    }
                }
            }
        }
        return uses;
    }

    /** Reports what is wrong with one use; true when it is sound. */
    private static boolean check(TaskRoleUse use, ExpansionContext context) {
        DefinitionSite site = use.site();
        TemplatePath path = use.scope().statePath(use.stateName()).key(use.key());
        ObjectNode state = use.state();
        String type = state.path("Type").asText();
        String name = "'" + site.display(use.stateName()) + "'";
        if (!type.equals("Task")) {
            site.report(context.diagnostics(), DiagnosticCode.ROLE_ARN_NOT_ON_TASK, path, "is written on the "
                    + type + " state " + name + "; only a Task state can run under another role");
            return false;
        }
        if (use.key().equals("RoleArn.$") && state.has("RoleArn")) {
            return false; // reported once, with RoleArn
        }
        if (state.has("Credentials") || state.has("RoleArn") && state.has("RoleArn.$")) {
            site.report(context.diagnostics(), DiagnosticCode.ROLE_ARN_WITH_CREDENTIALS, path, "is written beside "
                    + (state.has("Credentials") ? "Credentials" : "another RoleArn") + " in " + name
                    + "; write the role once, as RoleArn (it becomes Credentials) or as Credentials yourself");
            return false;
        }
        String resource = state.path("Resource").asText("");
        if (CREDENTIALLESS_PATTERN.matcher(resource).matches()) {
            site.report(context.diagnostics(), DiagnosticCode.ROLE_ARN_UNSUPPORTED_TASK, path, "is written on "
                    + name + ", " + (resource.contains(":activity:") ? "an Activity task" : "an HTTP task")
                    + "; Step Functions cannot run that kind of task with other credentials");
            return false;
        }
        JsonNode value = use.value();
        boolean expression = value.isTextual() && value.textValue().strip().startsWith("{%");
        if (use.key().equals("RoleArn.$") && use.jsonata() || use.key().equals("RoleArn") && expression && !use.jsonata()) {
            site.report(context.diagnostics(), DiagnosticCode.ROLE_ARN_WRONG_FORM, path, use.jsonata()
                    ? "is a JSONPath field, but " + name + " uses JSONata; write RoleArn: '{% ... %}'"
                    : "is a JSONata expression, but " + name + " uses JSONPath; write RoleArn.$: $.path");
            return false;
        }
        // In an Fn::Join definition, a role holding the join's intrinsics is checked as they are written.
        JsonNode joined = use.dynamic() ? null : site.joinedValue(value).orElse(null);
        if (joined == null && value.isTextual() && !use.dynamic() && !site.isPlaceholder(value)) {
            String text = site.display(value.textValue());
            Optional<RoleArns.Problem> problem = RoleArns.hasPlaceholder(text)
                    ? RoleArns.shapeProblem(text, context.environment().partition())
                    : RoleArns.problem(text, context.environment().partition());
            problem.ifPresent(p -> site.report(context.diagnostics(), p.code(), path, "'" + text + "' " + p.message()));
            return problem.isEmpty();
        }
        JsonNode written = joined != null ? joined : value;
        if (Intrinsics.isIntrinsic(written)) {
            Optional<RoleArns.Problem> problem = RoleArns.intrinsicProblem(written, context.environment().partition(),
                    context.resources()).or(() -> ParameterRoles.problem(written, context));
            problem.ifPresent(p -> site.report(context.diagnostics(), p.code(), path, p.message()));
            return problem.isEmpty();
        }
        if (!value.isTextual()) {
            site.report(context.diagnostics(), DiagnosticCode.MALFORMED_ROLE_ARN, path,
                    "must be a role ARN, an intrinsic function that gives one, or a path to one (RoleArn.$)");
            return false;
        }
        return true;
    }

    /**
     * The role as the execution role's policy must name it. A placeholder is resolved through the
     * state machine's DefinitionSubstitutions, or else stays a placeholder of the Fn::Sub the
     * definition is written in.
     */
    private static Optional<JsonNode> grantValue(TaskRoleUse use, ExpansionContext context, boolean report) {
        Optional<JsonNode> resolved = Placeholders.templateValue(use.site(), use.value(), context);
        String text = use.value().isTextual() ? use.site().display(use.value().textValue()) : "";
        TemplatePath path = use.scope().statePath(use.stateName()).key(use.key());
        if (report && resolved.isPresent() && resolved.get().isTextual() && RoleArns.hasPlaceholder(text)) {
            RoleArns.problem(resolved.get().textValue(), context.environment().partition()).ifPresent(p ->
                    use.site().report(context.diagnostics(), p.code(), path, "'" + text + "' becomes '"
                            + resolved.get().textValue() + "', which " + p.message()));
        }
        // A placeholder filled with an intrinsic (a parameter, say) is judged as that intrinsic would be.
        if (report && resolved.isPresent() && Intrinsics.isIntrinsic(resolved.get()) && RoleArns.hasPlaceholder(text)
                && !use.site().joinsIntrinsic(use.value())) {
            JsonNode intrinsic = resolved.get();
            RoleArns.intrinsicProblem(intrinsic, context.environment().partition(), context.resources())
                    .or(() -> ParameterRoles.problem(intrinsic, context))
                    .ifPresent(p -> use.site().report(context.diagnostics(), p.code(), path, "'" + text
                            + "' stands for " + (p.message().startsWith("is ") ? p.message().substring(3)
                                    : Intrinsics.brief(intrinsic) + ", which " + p.message())));
        }
        if (resolved.isEmpty() && report) {
            use.site().report(context.diagnostics(), DiagnosticCode.ROLE_ARN_UNRESOLVED, path,
                    use.site().joinsIntrinsic(use.value())
                    ? "'" + text + "' joins an intrinsic function of the Fn::Join and a ${Name} placeholder of "
                            + "DefinitionSubstitutions in one value, which the macro cannot resolve to the role to "
                            + "grant; write the role with one of them alone"
                    : "'" + text + "' names a placeholder that is not in DefinitionSubstitutions, so the macro "
                            + "cannot tell which role to grant; add it there, or write the ARN");
        }
        return resolved;
    }

    /** RoleArn becomes Credentials, in the same place among the state's fields. */
    private static void moveIntoCredentials(TaskRoleUse use) {
        ObjectNode credentials = JsonNodeFactory.instance.objectNode();
        credentials.set(use.key(), use.value());
        JsonFields.replace(use.state(), use.key(), "Credentials", credentials);
    }

    /**
     * What a helper function checks an invocation against: the integration and, where the state
     * names one, the boto3 service it is called through (the invoker must not pick another).
     */
    private static JsonNode allowedCall(JsonNode call) {
        String service = call.isTextual() ? BotoServices.of(call.textValue()) : null;
        return service == null ? call : JsonNodeFactory.instance.textNode(call.textValue() + " " + service);
    }

    private static void addOnce(List<JsonNode> roles, JsonNode role) {
        if (!roles.contains(role)) {
            roles.add(role);
        }
    }

}
