package dev.outboundwishlist.network;

import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A VPC block exactly as large as the subnets the fence needs fits; one subnet more does not. */
class NetworkFitTest {

    /** One zone in a /26: four /28 subnets, one per fixed group (NAT, firewall, endpoints, isolated). */
    private static List<String> errors(boolean withAllowList) throws TemplateReadException {
        String yaml = """
                Transform: [OutboundWishlist, AWS::Serverless-2016-10-31]
                Metadata:
                  OutboundWishlist:
                    Network: {VpcCidr: 10.1.2.0/26, AvailabilityZones: 1}
                Resources:
                  Isolated:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      InlineCode: x
                      OutboundNetworkAccess: {Enabled: false}
                """ + (withAllowList ? """
                  Caller:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      InlineCode: x
                      OutboundNetworkAccess: {Enabled: true, AllowList: [{Cidr: 203.0.113.0/24}]}
                """ : "");
        return Engine.standard().run(TemplateReader.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8),
                        Optional.empty()), Environment.offline()).diagnostics().stream()
                .filter(Diagnostic::isError).map(Diagnostic::pathAndMessage).toList();
    }

    @Test
    void exactlyAsManySubnetsAsTheBlockHoldsFit() throws TemplateReadException {
        assertThat(errors(false)).isEmpty();
    }

    @Test
    void oneSubnetMoreDoesNot() throws TemplateReadException {
        assertThat(errors(true)).containsExactly("Metadata/OutboundWishlist/Network/VpcCidr: '10.1.2.0/26' holds 4 "
                + "subnets of /28, but the network needs 5: NAT, firewall, endpoint, isolated and 1 allow-list "
                + "subnet(s) in each of 1 Availability Zones; use fewer zones or fewer distinct allow-lists, or a "
                + "larger block (a /16 holds 64 subnets)");
    }
}
