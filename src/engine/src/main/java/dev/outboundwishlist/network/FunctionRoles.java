package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.TemplateRoles;
import dev.outboundwishlist.template.Excerpt;
import dev.outboundwishlist.template.Intrinsics;

import java.util.Optional;

/**
 * A function in a VPC needs {@code AWSLambdaVPCAccessExecutionRole} on its role to create its
 * network interfaces. SAM adds it to the roles it generates; a role defined in the template gets
 * it here; a role defined elsewhere cannot be changed, so the user is warned.
 */
final class FunctionRoles {

    static final String VPC_ACCESS = "AWSLambdaVPCAccessExecutionRole";

    private FunctionRoles() {
    }

    static void grantVpcAccess(ExpansionContext context, String functionId, ObjectNode properties) {
        boolean sam = context.resources().path(functionId).path("Type").asText().equals("AWS::Serverless::Function");
        JsonNode role = properties.get("Role");
        if (role == null && sam) {
            return; // SAM generates the role, with the VPC-access policy since VpcConfig is set
        }
        TemplatePath path = TemplatePath.of("Resources", functionId, "Properties", "Role");
        if (role == null) {
            context.diagnostics().report(DiagnosticCode.NETWORK_EXTERNAL_FUNCTION_ROLE, path, "is missing: an "
                    + "AWS::Lambda::Function needs a Role, and a fenced one needs " + VPC_ACCESS + " on it");
            return;
        }
        grant(context, role, path);
    }

    /** The role, or under Fn::If each role a branch names (a branch without one leaves it to SAM). */
    private static void grant(ExpansionContext context, JsonNode role, TemplatePath path) {
        JsonNode fnIf = role.path("Fn::If");
        if (role.size() == 1 && fnIf.isArray() && fnIf.size() == 3) {
            for (int branch = 1; branch <= 2; branch++) {
                JsonNode chosen = fnIf.get(branch);
                if (!(chosen.size() == 1 && chosen.path("Ref").asText().equals("AWS::NoValue"))) {
                    grant(context, chosen, path.key("Fn::If").index(branch));
                }
            }
            return;
        }
        Optional<String> roleId = TemplateRoles.named(role, context.resources());
        if (roleId.isEmpty()) {
            context.diagnostics().report(DiagnosticCode.NETWORK_EXTERNAL_FUNCTION_ROLE, path, "is not a role of this "
                    + "template, so the macro cannot attach " + VPC_ACCESS + "; attach it to the role yourself, or "
                    + "the function cannot create its network interfaces and fails to deploy");
            return;
        }
        JsonNode written = context.resources().get(roleId.get()).get("Properties");
        if (written != null && (!written.isObject() || Intrinsics.isIntrinsic(written))) {
            context.diagnostics().report(DiagnosticCode.NETWORK_EXTERNAL_FUNCTION_ROLE, TemplatePath.of("Resources",
                    roleId.get(), "Properties"), "is " + Excerpt.describe(written) + ", which the macro cannot add "
                    + VPC_ACCESS + " to; add it to the role yourself, or the function cannot create its network "
                    + "interfaces and fails to deploy");
            return;
        }
        ObjectNode roleProperties = ((ObjectNode) context.resources().get(roleId.get())).withObjectProperty("Properties");
        JsonNode arns = roleProperties.get("ManagedPolicyArns");
        if (arns == null) {
            arns = roleProperties.putArray("ManagedPolicyArns");
        }
        if (!(arns instanceof ArrayNode list)) {
            context.diagnostics().report(DiagnosticCode.NETWORK_EXTERNAL_FUNCTION_ROLE, TemplatePath.of("Resources",
                    roleId.get(), "Properties", "ManagedPolicyArns"), "is not a list the macro can add "
                    + VPC_ACCESS + " to; add it yourself, or the function cannot create its network interfaces");
            return;
        }
        for (JsonNode arn : list) {
            String text = arn.isTextual() ? arn.textValue() : arn.path("Fn::Sub").asText();
            if (text.endsWith("/" + VPC_ACCESS)) {
                return;
            }
        }
        list.addObject().put("Fn::Sub", "arn:${AWS::Partition}:iam::aws:policy/service-role/" + VPC_ACCESS);
    }
}
