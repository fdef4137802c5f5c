package dev.outboundwishlist.diagnostics;

/**
 * Every finding the product can report, with a stable id. Ids never change meaning; retired ids
 * are not reused. OWL0xx: reading the template; OWL1xx: template structure and settings;
 * OWL2xx: OutboundNetworkAccess; OWL3xx: task-level RoleArn; OWL4xx: definition-level Catch and
 * Retry; OWL9xx: checks on the expanded template and internal faults.
 */
public enum DiagnosticCode {
    UNREADABLE("OWL001", Severity.ERROR, "The template file cannot be read or is not UTF-8 text."),
    EMPTY("OWL002", Severity.ERROR, "The template is empty."),
    TOO_LARGE("OWL003", Severity.ERROR, "The template is larger than CloudFormation's 1 MB limit."),
    YAML_SYNTAX("OWL004", Severity.ERROR, "The template is not well-formed YAML."),
    JSON_SYNTAX("OWL005", Severity.ERROR, "The template is not well-formed JSON."),
    ALIAS_LIMIT("OWL006", Severity.ERROR, "YAML aliases expand the template beyond the size limit."),
    TOO_DEEP("OWL007", Severity.ERROR, "Values are nested deeper than the limit."),
    DUPLICATE_KEY("OWL008", Severity.ERROR, "A mapping has the same key twice."),
    NOT_A_MAPPING("OWL009", Severity.ERROR, "The template is not a mapping of sections."),
    UNSUPPORTED_YAML("OWL010", Severity.ERROR, "The YAML uses a feature CloudFormation templates cannot hold."),

    WRONG_SECTION_TYPE("OWL101", Severity.ERROR, "A template section or resource has the wrong type."),
    MACRO_AFTER_SAM("OWL102", Severity.WARNING, "OutboundWishlist is listed after the SAM transform."),
    MACRO_NOT_LISTED("OWL103", Severity.WARNING, "The template uses extensions, but its Transform does not list OutboundWishlist."),
    INVALID_SETTING("OWL104", Severity.ERROR, "A setting under Metadata.OutboundWishlist is invalid."),

    INVALID_LOGICAL_ID("OWL106", Severity.ERROR, "A logical id CloudFormation refuses: not alphanumeric, or longer than 255 characters."),
    DEFINITION_INVALID("OWL107", Severity.ERROR, "A state machine definition cannot be read."),
    EXTENSION_IN_LOOP("OWL109", Severity.ERROR, "An extension is used inside Fn::ForEach, which this macro sees unexpanded (a warning where only the CLI does)."),
    DEFINITION_NOT_READ("OWL108", Severity.INFO, "A state machine definition in S3 is not read, so extensions in it are not expanded."),
    UNDECLARED_PARAMETER_VALUE("OWL110", Severity.INFO, "A stack parameter value is given for a parameter the template does not declare."),

    INVALID_NETWORK_ACCESS("OWL201", Severity.ERROR, "OutboundNetworkAccess is malformed or conflicts with the function's network settings."),
    NETWORK_UNRESTRICTED("OWL202", Severity.INFO, "OutboundNetworkAccess is Enabled without an AllowList: the function stays unrestricted."),
    NETWORK_IPV6_UNREACHABLE("OWL203", Severity.WARNING, "An IPv6 CIDR in an allow-list can never be reached: fenced networks have no IPv6."),
    NETWORK_ALLOWS_ALL("OWL204", Severity.WARNING, "An allow-list CIDR allows every address, or a large share of them."),
    NETWORK_SERVICE_INFERRED("OWL205", Severity.INFO, "A function reaches an AWS service through a VPC endpoint because its permissions use it."),
    NETWORK_DOES_NOT_FIT("OWL206", Severity.ERROR, "The fenced network needs more subnets than the VPC's block holds."),
    NETWORK_PREFIX_LIST_UNKNOWN("OWL207", Severity.ERROR, "A security group cannot be limited to S3 or DynamoDB: the prefix list id is unknown."),
    NETWORK_EXTERNAL_FUNCTION_ROLE("OWL208", Severity.WARNING, "A fenced function's role is not in the template, so the macro cannot attach the VPC-access policy."),
    NETWORK_DNS_ONLY_ENFORCEMENT("OWL209", Severity.WARNING, "Domains are enforced by the DNS Firewall alone: a connection to a raw IP address bypasses it."),
    NETWORK_NOTE("OWL210", Severity.INFO, "How the fence was built where a choice was made for you."),
    NETWORK_ZONES("OWL211", Severity.ERROR, "Too few Availability Zones offer every endpoint service the functions need."),
    NETWORK_WEAKENED("OWL212", Severity.WARNING, "A network setting opens a way out the fence would otherwise close (DNS, open endpoints)."),
    NETWORK_TOO_MANY_RULES("OWL213", Severity.ERROR, "A fenced function's security group would need more egress rules than AWS allows."),
    NETWORK_EXISTING_VPC("OWL214", Severity.ERROR, "In an existing VPC, the fence cannot give a function what it asks for (domains, subnets, endpoints)."),
    NETWORK_SETTING_IGNORED("OWL215", Severity.WARNING, "A network setting has no effect in an existing VPC."),
    NETWORK_ENDPOINTS_TAKE_OVER("OWL217", Severity.WARNING, "Interface endpoints created in an existing VPC serve these services to every workload in it, but admit only the fenced functions."),
    NETWORK_FOREIGN_RESOURCE("OWL220", Severity.WARNING, "A fenced function's policies name another account's resource, which its endpoint's policy refuses."),
    NETWORK_API_SHADOWED("OWL221", Severity.WARNING, "An allow-listed API Gateway domain resolves to the fence's own execute-api endpoint, which serves only private APIs."),
    NETWORK_PRIVATE_UNREACHABLE("OWL219", Severity.WARNING, "An allow-listed private network cannot be reached from the VPC the macro builds: it is the fence's own block, or routed to the internet."),
    NETWORK_NOT_FENCED("OWL216", Severity.WARNING, "A function the global OutboundNetworkAccess does not reach stays unfenced."),
    CHINA_ENDPOINT_NAMES("OWL218", Severity.WARNING, "Endpoint service names written unchecked in a China Region, where many start with cn."),

    ROLE_ARN_NOT_ON_TASK("OWL301", Severity.ERROR, "A task-level RoleArn is written on a state that is not a Task."),
    ROLE_ARN_WITH_CREDENTIALS("OWL302", Severity.ERROR, "A task has both RoleArn and Credentials (or RoleArn and RoleArn.$)."),
    ROLE_ARN_UNSUPPORTED_TASK("OWL303", Severity.ERROR, "Step Functions cannot run this kind of task under another role."),
    MALFORMED_ROLE_ARN("OWL304", Severity.ERROR, "A task-level RoleArn is not an IAM role ARN."),
    ROLE_ARN_OTHER_PARTITION("OWL305", Severity.ERROR, "A task-level role is in another partition than the stack."),
    DYNAMIC_ROLE_NOT_ALLOWED("OWL306", Severity.ERROR, "A role chosen at run time needs CrossAccount.AllowedRoleArns."),
    EXTERNAL_EXECUTION_ROLE("OWL307", Severity.WARNING, "The execution role is not in the template, so the macro cannot grant it sts:AssumeRole."),
    ROLE_ARN_UNRESOLVED("OWL308", Severity.ERROR, "A task-level RoleArn uses a placeholder the macro cannot resolve for the grant."),
    ROLE_ARN_WRONG_FORM("OWL309", Severity.ERROR, "A task-level RoleArn is written in the form of the other query language."),
    HELPER_CANNOT_RUN_TASK("OWL310", Severity.ERROR, "The cross-account helper cannot run a .sync or .waitForTaskToken task."),
    INVALID_TASK_REGION("OWL311", Severity.ERROR, "A task's Region is invalid, or written outside HelperFunction mode."),
    ROLE_ARN_IN_ONE_BRANCH("OWL312", Severity.ERROR, "Task roles appear in only some branches of an Fn::If around a definition."),
    HELPER_TIMEOUT("OWL313", Severity.WARNING, "A task the cross-account helper runs has a TimeoutSeconds longer than a Lambda function may run."),

    CATCH_HANDLER_UNKNOWN("OWL401", Severity.ERROR, "A definition-level catcher's Next is not a state of its scope."),
    MALFORMED_HANDLER("OWL402", Severity.ERROR, "A definition-level catcher or retrier is empty or malformed."),
    STATES_ALL_NOT_LAST("OWL403", Severity.ERROR, "States.ALL is not alone in its ErrorEquals or not in the last catcher or retrier."),
    WRONG_QUERY_LANGUAGE_FIELD("OWL404", Severity.ERROR, "A catcher's ResultPath or Output does not fit a target state's query language."),
    WRONG_HANDLER_TYPE("OWL405", Severity.ERROR, "A definition-level Catch or Retry has the wrong type."),
    APPLIED_TO_NO_STATE("OWL406", Severity.WARNING, "A definition-level Catch or Retry applies to no state."),
    SCOPE_NOT_A_STATE_MACHINE("OWL407", Severity.ERROR, "A scope with a definition-level Catch or Retry has no States mapping."),
    CATCHER_WITHHELD("OWL408", Severity.ERROR, "A handler leads back to a state, so the definition-level catcher cannot be added to it."),
    HANDLER_SHADOWED("OWL409", Severity.WARNING, "A definition-level catcher or retrier can never match: earlier ones take every error it names."),

    LOGICAL_ID_CLASH("OWL901", Severity.ERROR, "Two entries of the expanded template share a logical id."),
    RESOURCE_LIMIT("OWL902", Severity.ERROR, "The expanded template has more resources than CloudFormation allows."),
    TOO_LARGE_EXPANDED("OWL904", Severity.ERROR, "The expanded template is larger than CloudFormation's 1 MB limit."),
    EXTENSION_KEY_LEFT("OWL903", Severity.ERROR, "An extension key is left in the expanded template."),
    INTERNAL("OWL999", Severity.ERROR, "An internal fault; please report it.");

    private final String id;
    private final Severity defaultSeverity;
    private final String summary;

    DiagnosticCode(String id, Severity defaultSeverity, String summary) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String summary() {
        return summary;
    }
}
