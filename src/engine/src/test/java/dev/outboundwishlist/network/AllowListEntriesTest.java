package dev.outboundwishlist.network;

import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** One allow-list entry at and around each bound the reader checks, with its exact findings, or none. */
class AllowListEntriesTest {

    private static final String ENTRY = "Resources/Worker/Properties/OutboundNetworkAccess/AllowList/0/";

    private static List<String> findings(String entry) throws TemplateReadException {
        String yaml = """
                Transform: [OutboundWishlist, AWS::Serverless-2016-10-31]
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      InlineCode: x
                      OutboundNetworkAccess:
                        Enabled: true
                        AllowList: [%s]
                """.formatted(entry);
        return Engine.standard().run(TemplateReader.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8),
                        Optional.empty()), Environment.offline()).diagnostics().stream()
                .filter(d -> !d.code().id().equals("OWL210"))
                .map(Diagnostic::pathAndMessage).map(m -> m.replace(ENTRY, "")).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            203.0.113.0/24        |
            203.0.113.7/32        |
            8.0.0.0/8             |
            0.0.0.0/0             | Cidr: '0.0.0.0/0' allows every address; is that the fence you meant?
            0.0.0.0/1             | Cidr: '0.0.0.0/1' allows one in 2 of all IPv4 addresses, so code can send data almost anywhere; list the networks of the servers the function calls
            8.0.0.0/7             | Cidr: '8.0.0.0/7' allows one in 128 of all IPv4 addresses, so code can send data almost anywhere; list the networks of the servers the function calls
            203.0.113.1/24        | Cidr: '203.0.113.1/24' has host bits set after /24; write the network address
            203.0.113.0/33        | Cidr: '203.0.113.0/33' has a prefix longer than the address
            203.0.113.256/32      | Cidr: '203.0.113.256/32' is not a valid CIDR
            203.0.113.07/32       | Cidr: '203.0.113.07/32' has a number with a leading zero; write 7 rather than 07
            11.0.0.0/09           | Cidr: '11.0.0.0/09' has a prefix with a leading zero; write /9 rather than /09
            203.0.113.0           | Cidr: '203.0.113.0' is not a CIDR; write a network such as 203.0.113.0/24 (or 203.0.113.7/32)
            2001:db8::/129        | Cidr: '2001:db8::/129' has a prefix longer than the address
            2001:db8::1/64        | Cidr: '2001:db8::1/64' has host bits set after /64; write the network address
            2001:zz8::/32         | Cidr: '2001:zz8::/32' is not a valid CIDR
            ::ffff:10.0.0.0/104   | Cidr: '::ffff:10.0.0.0/104' is an IPv4 network written as IPv6 (::ffff:…); write it as IPv4, 10.0.0.0/8
            ::ffff:0.0.0.0/64     | Cidr: '::ffff:0.0.0.0/64' is an IPv4 network written as IPv6 (::ffff:…); write it as IPv4
            """)
    void cidr(String cidr, String expected) throws TemplateReadException {
        assertThat(findings("{Cidr: '" + cidr + "'}")).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [1, 65535]    |
            [0]           | Ports/0: 0 is not a port from 1 to 65535
            [65536]       | Ports/0: 65536 is not a port from 1 to 65535
            [443, 443]    | Ports/1: 443 is listed twice
            []            | Ports: must be a non-empty list of ports such as [443]
            """)
    void ports(String ports, String expected) throws TemplateReadException {
        assertThat(findings("{Cidr: 203.0.113.0/24, Ports: " + ports + "}"))
                .isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            api.example.com     |
            *.example.com       |
            a.b                 |
            example             | Domain: 'example' is not a fully qualified host name such as api.example.com
            api.example.com.    | Domain: 'api.example.com.' ends with a dot; write it without, such as api.example.com
            api.*.example.com   | Domain: 'api.*.example.com' has a wildcard that is not a leading '*.'; '*.example.com' allows any subdomain
            -api.example.com    | Domain: '-api.example.com' has the invalid label '-api' (letters, digits and hyphens, 1 to 63 characters, not starting or ending with a hyphen)
            203.0.113.7         | Domain: '203.0.113.7' is an IP address; write it as Cidr: 203.0.113.7/32
            """)
    void domain(String domain, String expected) throws TemplateReadException {
        assertThat(findings("{Domain: '" + domain + "'}")).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            253 |
            254 | Domain: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' is not a fully qualified host name such as api.example.com
            """)
    void domainLength(int length, String expected) throws TemplateReadException {
        String label = "a".repeat(61);
        String domain = (label + ".").repeat(5);
        domain = domain.substring(0, length - 4) + ".com";
        assertThat(findings("{Domain: '" + domain + "'}")).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    private static String cidrs(int count) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < count; i++) {
            entries.append(i == 0 ? "" : ", ").append("{Cidr: 203.0.").append(i).append(".0/24, Protocol: tcp}");
        }
        return entries.toString();
    }

    @Test
    void sixtyEgressRulesFitAndSixtyOneDoNot() throws TemplateReadException {
        assertThat(findings(cidrs(60))).isEmpty();
        assertThat(findings(cidrs(61))).containsExactly("Resources/Worker/Properties/OutboundNetworkAccess: needs 61 "
                + "egress rules in the function's security group, but AWS allows 60 by default; list fewer ports "
                + "(each is a rule, two with Protocol: all), use Protocol: tcp or udp rather than all, or merge "
                + "networks");
    }
}
