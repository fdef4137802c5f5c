package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogicalIdAllocatorTest {

    private static ObjectNode template(String json) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(json);
    }

    @Test
    void idsAreReadableAndNeverClashWithAnySection() throws Exception {
        LogicalIdAllocator ids = new LogicalIdAllocator(template("""
                {"Parameters": {"OwlVpc": {}}, "Conditions": {"OwlVpc2": {}},
                 "Resources": {"OwlVpc3": {}, "OwlSubnet": {}}, "Outputs": {"OwlRole": {}}}"""));
        assertThat(ids.allocate("Vpc")).isEqualTo("OwlVpc4");
        assertThat(ids.allocate("Vpc")).isEqualTo("OwlVpc5");
        assertThat(ids.allocate("Subnet")).isEqualTo("OwlSubnet2");
        assertThat(ids.allocate("Role")).isEqualTo("OwlRole2");
        assertThat(ids.allocate("Security group", "for: my-fn_1")).isEqualTo("OwlSecuritygroupformyfn1");
    }

    @Test
    void nonAsciiAndVeryLongNamesStayValidLogicalIds() throws Exception {
        LogicalIdAllocator ids = new LogicalIdAllocator(template("{}"));
        assertThat(ids.allocate("Fünf", "функция")).isEqualTo("OwlFnf");
        String longId = ids.allocate("x".repeat(400));
        assertThat(longId).hasSizeLessThanOrEqualTo(255).matches("[A-Za-z0-9]+");
        assertThat(ids.allocate("x".repeat(400))).isEqualTo(longId + "2");
    }
}
