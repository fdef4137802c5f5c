package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;

import dev.outboundwishlist.template.TemplateWriter;

import java.util.Iterator;

/** Checks on the expanded template that no single extension can see. */
final class PostChecks {

    /** CloudFormation's limit on resources in one template. */
    static final int MAX_RESOURCES = 500;

    /** CloudFormation's limit on a processed template, as the macro returns it (compact JSON). */
    static final int MAX_BYTES = 1_048_576;

    private PostChecks() {
    }

    /** The fewest resources the SAM transform adds after the macro: a role for each resource it builds one for. */
    private static int samRoles(JsonNode resources) {
        int roles = 0;
        for (JsonNode resource : resources) {
            String type = resource.path("Type").asText();
            boolean builtRole = type.equals("AWS::Serverless::Function")
                    || type.equals("AWS::Serverless::StateMachine");
            if (builtRole && !resource.path("Properties").has("Role")) {
                roles++;
            }
        }
        return roles;
    }

    static void run(ExpansionContext context) {
        JsonNode resources = context.resources();
        int samRoles = samRoles(resources);
        if (resources.size() + samRoles > MAX_RESOURCES) {
            context.diagnostics().report(DiagnosticCode.RESOURCE_LIMIT, TemplatePath.of("Resources"),
                    "would hold " + resources.size() + " resources after expansion" + (samRoles == 0 ? ""
                            : ", and " + (resources.size() + samRoles) + " once the SAM transform adds the "
                            + (samRoles == 1 ? "role" : samRoles + " roles") + " it generates (one per SAM function or "
                            + "state machine without Role)") + "; CloudFormation allows " + MAX_RESOURCES
                            + " in one template (split the stack or use nested stacks)");
        }
        long bytes = TemplateWriter.jsonSize(context.root());
        if (bytes > MAX_BYTES) {
            context.diagnostics().report(DiagnosticCode.TOO_LARGE_EXPANDED, TemplatePath.ROOT,
                    "would be " + bytes + " bytes once expanded; CloudFormation accepts at most " + MAX_BYTES
                            + " (1 MB); split the stack or use nested stacks");
        }
        JsonNode parameters = context.root().path("Parameters");
        for (Iterator<String> ids = resources.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            if (parameters.has(id)) {
                context.diagnostics().report(DiagnosticCode.LOGICAL_ID_CLASH, TemplatePath.of("Resources", id),
                        "has the same logical id as the parameter " + id + "; Ref could not tell them apart");
            }
        }
    }
}
