package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.statemachine.DefinitionSite;
import dev.outboundwishlist.statemachine.Scope;

/**
 * One task that runs under another role: where it is, how the role was written ({@code RoleArn}
 * or {@code RoleArn.$}) and the value. A dynamic role is picked at run time (a JSONPath path or
 * a JSONata expression); a static one is a literal, an intrinsic function or a placeholder.
 */
record TaskRoleUse(DefinitionSite site, Scope scope, String stateName, ObjectNode state, String key, JsonNode value,
                   boolean jsonata) {

    boolean dynamic() {
        return key.equals("RoleArn.$") || jsonata && value.isTextual() && value.textValue().strip().startsWith("{%");
    }
}
