package dev.outboundwishlist.network;

/**
 * A function that gets a fence: its own OutboundNetworkAccess, or the global one.
 *
 * @param sam true for {@code AWS::Serverless::Function}, false for {@code AWS::Lambda::Function}
 */
record FencedFunction(String id, boolean sam, OutboundAccess access) {
}
