package dev.outboundwishlist.pending;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Extension;

import java.util.Iterator;
import java.util.Map;

/**
 * Finds uses of the extension this version cannot expand yet (OutboundNetworkAccess) and rejects
 * them clearly, so a template never passes through with an extension key CloudFormation would
 * choke on, or, worse, without the fence it asked for.
 */
public final class PendingExtensions implements Extension {

    @Override
    public void validate(ExpansionContext context) {
        findNetworkAccess(context, context.root().path("Globals").path("Function"), TemplatePath.of("Globals", "Function"));
        for (Iterator<Map.Entry<String, JsonNode>> it = context.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            if (type.equals("AWS::Serverless::Function") || type.equals("AWS::Lambda::Function")) {
                findNetworkAccess(context, resource.getValue().path("Properties"),
                        TemplatePath.of("Resources", resource.getKey(), "Properties"));
            }
        }
    }

    @Override
    public void expand(ExpansionContext context) {
        // Nothing to expand: validate rejects every use.
    }

    /** The property may also hide in an intrinsic, such as a branch of Fn::If around the properties. */
    private static void findNetworkAccess(ExpansionContext context, JsonNode node, TemplatePath path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("OutboundNetworkAccess")) {
                    networkNotYet(context, path.key(field.getKey()));
                } else if (field.getKey().startsWith("Fn::")) {
                    findNetworkAccess(context, field.getValue(), path.key(field.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findNetworkAccess(context, node.get(i), path.index(i));
            }
        }
    }

    private static void networkNotYet(ExpansionContext context, TemplatePath path) {
        context.diagnostics().report(DiagnosticCode.NOT_YET_SUPPORTED, path, "OutboundNetworkAccess cannot be "
                + "expanded by this version yet; remove it, or keep the function's default network access");
    }
}
