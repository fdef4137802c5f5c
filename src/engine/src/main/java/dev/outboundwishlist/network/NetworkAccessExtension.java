package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Extension;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * E1, OutboundNetworkAccess on Lambda functions. This version reads and checks the property
 * everywhere it may be written (DESIGN §2) and reports every mistake; building the network is not
 * done yet, so a valid use is then rejected with OWL105 rather than passed through without the
 * fence it asks for.
 */
public final class NetworkAccessExtension implements Extension {

    private static final String KEY = "OutboundNetworkAccess";

    @Override
    public void validate(ExpansionContext context) {
        JsonNode globals = context.root().path("Globals").path("Function");
        boolean globalUse = globals.has(KEY);
        Optional<OutboundAccess> global = globalUse
                ? check(context, globals, TemplatePath.of("Globals", "Function", KEY)) : Optional.empty();
        for (Iterator<Map.Entry<String, JsonNode>> it = context.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            boolean sam = type.equals("AWS::Serverless::Function");
            if (!sam && !type.equals("AWS::Lambda::Function")) {
                continue;
            }
            JsonNode properties = resource.getValue().path("Properties");
            TemplatePath path = TemplatePath.of("Resources", resource.getKey(), "Properties");
            if (properties.has(KEY)) {
                check(context, properties, path.key(KEY)).ifPresent(access -> notYet(context, access));
            } else if (sam && globalUse) {
                conflicts(context, properties, path, "the global OutboundNetworkAccess");
            }
            insideIntrinsics(context, properties, path);
        }
        global.ifPresent(access -> notYet(context, access));
    }

    /** Written inside an intrinsic function (a branch of Fn::If, say), the fence could not be honoured. */
    private static void insideIntrinsics(ExpansionContext context, JsonNode node, TemplatePath path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().startsWith("Fn::")) {
                findKey(context, field.getValue(), path.key(field.getKey()));
            }
        }
    }

    private static void findKey(ExpansionContext context, JsonNode node, TemplatePath path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals(KEY)) {
                    context.diagnostics().report(DiagnosticCode.INVALID_NETWORK_ACCESS, path.key(KEY), "is inside an "
                            + "intrinsic function, which CloudFormation resolves only after the macro has run; write "
                            + "it directly in the function's Properties");
                } else {
                    findKey(context, field.getValue(), path.key(field.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findKey(context, node.get(i), path.index(i));
            }
        }
    }

    /**
     * Only explicitly unrestricted uses ({@code Enabled: true} without an AllowList) get here: there
     * is nothing to build, and the key is consumed so SAM and CloudFormation never see it.
     */
    @Override
    public void expand(ExpansionContext context) {
        if (context.root().path("Globals").path("Function") instanceof ObjectNode global && global.has(KEY)) {
            global.remove(KEY);
            // An emptied Globals section is removed with it, as a person would.
            ObjectNode section = (ObjectNode) context.root().get("Globals");
            if (global.isEmpty()) {
                section.remove("Function");
            }
            if (section.isEmpty()) {
                context.root().remove("Globals");
            }
        }
        for (JsonNode resource : context.resources()) {
            if (isFunction(resource) && resource.get("Properties") instanceof ObjectNode properties) {
                properties.remove(KEY);
            }
        }
    }

    @Override
    public void checkExpanded(ExpansionContext context) {
        if (context.root().path("Globals").path("Function").has(KEY)) {
            context.diagnostics().report(DiagnosticCode.EXTENSION_KEY_LEFT, TemplatePath.of("Globals", "Function", KEY),
                    "was not expanded; please report it");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = context.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (isFunction(resource.getValue()) && resource.getValue().path("Properties").has(KEY)) {
                context.diagnostics().report(DiagnosticCode.EXTENSION_KEY_LEFT,
                        TemplatePath.of("Resources", resource.getKey(), "Properties", KEY), "was not expanded; please report it");
            }
        }
    }

    private static boolean isFunction(JsonNode resource) {
        String type = resource.path("Type").asText();
        return type.equals("AWS::Serverless::Function") || type.equals("AWS::Lambda::Function");
    }

    /** Reads one value and checks the properties written beside it; the value when all is well. */
    private static Optional<OutboundAccess> check(ExpansionContext context, JsonNode properties, TemplatePath path) {
        Optional<OutboundAccess> access = OutboundAccessReader.read(properties.get(KEY), path, context.diagnostics());
        boolean clean = conflicts(context, properties, path.parent(), "OutboundNetworkAccess");
        return clean ? access : Optional.empty();
    }

    /** The fence decides the function's network: it cannot be combined with one the user set. */
    private static boolean conflicts(ExpansionContext context, JsonNode properties, TemplatePath path, String what) {
        JsonNode vpc = properties.get("VpcConfig");
        if (vpc == null) {
            return true;
        }
        if (vpc.has("Ipv6AllowedForDualStack")) {
            context.diagnostics().report(DiagnosticCode.INVALID_NETWORK_ACCESS,
                    path.key("VpcConfig").key("Ipv6AllowedForDualStack"), "lets traffic bypass NAT and the firewall "
                            + "over IPv6, which " + what + " does not allow; remove it");
        }
        context.diagnostics().report(DiagnosticCode.INVALID_NETWORK_ACCESS, path.key("VpcConfig"), "is written "
                + "beside " + what + ", which builds the function's network itself; remove VpcConfig, or "
                + "describe your network in Metadata.OutboundWishlist.Network.ExistingVpc");
        return false;
    }

    private static void notYet(ExpansionContext context, OutboundAccess access) {
        if (access.enabled() && access.allowList().isEmpty()) {
            return; // explicitly unrestricted: nothing to build, the function is left as it is
        }
        context.diagnostics().report(DiagnosticCode.NOT_YET_SUPPORTED, access.path(), "OutboundNetworkAccess is "
                + "valid but cannot be expanded by this version yet; remove it, or keep the function's default "
                + "network access");
    }
}
