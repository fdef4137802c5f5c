package dev.outboundwishlist.engine;

import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.template.SourceMap;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each network setting at and around its bounds, with the exact finding, or none. */
class SettingsReaderTest {

    private static List<String> findings(String network) throws TemplateReadException {
        String yaml = "Metadata:\n  OutboundWishlist:\n    Network: " + network + "\nResources: {}\n";
        Diagnostics diagnostics = new Diagnostics(SourceMap.NONE);
        SettingsReader.read(TemplateReader.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), Optional.empty())
                .root(), diagnostics);
        return diagnostics.sorted().stream().map(Diagnostic::pathAndMessage)
                .map(m -> m.replace("Metadata/OutboundWishlist/Network/", "")).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/16    |
            10.255.0.0/16  |
            172.16.0.0/16  |
            172.31.240.0/20|
            192.168.0.0/16 |
            192.168.0.0/28 |
            100.64.0.0/16  |
            100.127.255.240/28 |
            100.128.0.0/16 | VpcCidr: '100.128.0.0/16' is not a private range; use one inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10
            100.63.0.0/16  | VpcCidr: '100.63.0.0/16' is not a private range; use one inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10
            10.0.0.0/28    |
            172.15.0.0/16  | VpcCidr: '172.15.0.0/16' is not a private range; use one inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10
            172.32.0.0/16  | VpcCidr: '172.32.0.0/16' is not a private range; use one inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10
            192.169.0.0/16 | VpcCidr: '192.169.0.0/16' is not a private range; use one inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10
            11.0.0.0/16    | VpcCidr: '11.0.0.0/16' is not a private range; use one inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10
            172.16.0.0/11  | VpcCidr: '172.16.0.0/11' is not a private range; use one inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10
            192.168.0.0/15 | VpcCidr: '192.168.0.0/15' is not a private range; use one inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10
            10.0.0.0/8     | VpcCidr: '10.0.0.0/8' has a /8 prefix; a VPC's block is /16 to /28
            10.0.0.0/15    | VpcCidr: '10.0.0.0/15' has a /15 prefix; a VPC's block is /16 to /28
            10.0.0.0/29    | VpcCidr: '10.0.0.0/29' has a /29 prefix; a VPC's block is /16 to /28
            10.1.2.3/16    | VpcCidr: '10.1.2.3/16' has host bits set; the network is 10.1.0.0/16
            192.168.7.129/25 | VpcCidr: '192.168.7.129/25' has host bits set; the network is 192.168.7.128/25
            172.20.255.17/28 | VpcCidr: '172.20.255.17/28' has host bits set; the network is 172.20.255.16/28
            10.0.0.256/16  | VpcCidr: '10.0.0.256/16' is not an IPv4 CIDR such as 10.192.0.0/16
            """)
    void vpcCidr(String cidr, String expected) throws TemplateReadException {
        assertThat(findings("{VpcCidr: " + cidr + "}")).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1   |
            6   |
            0   | AvailabilityZones: 0 is not a whole number from 1 to 6
            7   | AvailabilityZones: 7 is not a whole number from 1 to 6
            1e0 | AvailabilityZones: is written as a decimal or exponent number; write a whole number from 1 to 6
            2.5 | AvailabilityZones: is written as a decimal or exponent number; write a whole number from 1 to 6
            "2" | AvailabilityZones: '2' is not a whole number from 1 to 6
            """)
    void availabilityZones(String zones, String expected) throws TemplateReadException {
        assertThat(findings("{AvailabilityZones: " + zones + "}"))
                .isEqualTo(expected == null ? List.of() : List.of(expected));
    }
}
