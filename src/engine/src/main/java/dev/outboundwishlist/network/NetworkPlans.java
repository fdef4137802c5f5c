package dev.outboundwishlist.network;

import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.LogicalIdAllocator;
import dev.outboundwishlist.engine.Lookups;
import dev.outboundwishlist.engine.SettingsReader;
import dev.outboundwishlist.template.SourceMap;
import dev.outboundwishlist.template.Template;

import java.util.Optional;

/** The network plan of a template as written, for the tools that explain an expansion. */
public final class NetworkPlans {

    private NetworkPlans() {
    }

    /** Empty when the template fences no function, or its fences cannot be planned (validation says why). */
    public static Optional<NetworkPlan> of(Template written, Environment environment, Lookups lookups) {
        Diagnostics ignored = new Diagnostics(SourceMap.NONE);
        ExpansionContext context = new ExpansionContext(written, SettingsReader.read(written.root(), ignored),
                environment, new LogicalIdAllocator(written.root()), ignored, lookups);
        var fenced = NetworkAccessExtension.fencedFunctions(context, false);
        return fenced.isEmpty() ? Optional.empty() : new NetworkPlanner(context).plan(fenced);
    }
}
