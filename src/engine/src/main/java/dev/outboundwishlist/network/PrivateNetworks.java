package dev.outboundwishlist.network;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Allow-listed IPv4 networks the VPC the macro builds cannot reach (OWL219): inside or around its
 * own block they name the fence's subnets, routed locally; any other private network is routed
 * through NAT to the internet, where no private address is reached. A block wide enough to hold
 * most of the internet is not judged here: it has its own warning (OWL204).
 */
public final class PrivateNetworks {

    /** Why an allow-listed network is never reached. */
    public enum Unreachable { INSIDE_THE_VPC, PRIVATE }

    /** RFC 1918's private blocks and RFC 6598's shared address space: no internet route reaches them. */
    private static final List<Ipv4Block> PRIVATE_BLOCKS = Stream.of("10.0.0.0/8", "172.16.0.0/12",
            "192.168.0.0/16", "100.64.0.0/10").map(Ipv4Block::parse).toList();

    private PrivateNetworks() {
    }

    /** Why {@code cidr} (valid, as the allow-list holds it) is never reached from a VPC of {@code vpcCidr}. */
    public static Optional<Unreachable> from(String vpcCidr, String cidr) {
        if (cidr.contains(":")) {
            return Optional.empty();
        }
        Ipv4Block block = Ipv4Block.parse(cidr);
        if (block.prefix() < OutboundAccessReader.WIDE_BLOCK_PREFIX) {
            return Optional.empty();
        }
        if (block.overlaps(Ipv4Block.parse(vpcCidr))) {
            return Optional.of(Unreachable.INSIDE_THE_VPC);
        }
        return isPrivate(block) ? Optional.of(Unreachable.PRIVATE) : Optional.empty();
    }

    /** Whether the block lies wholly in a private range: where a VPC's block must lie, too. */
    public static boolean isPrivate(Ipv4Block block) {
        return PRIVATE_BLOCKS.stream().anyMatch(p -> p.holds(block));
    }
}
