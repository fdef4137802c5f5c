package dev.outboundwishlist.engine;

import dev.outboundwishlist.globalcatch.GlobalCatchExtension;
import dev.outboundwishlist.loops.ForEachLoops;
import dev.outboundwishlist.network.NetworkAccessExtension;
import dev.outboundwishlist.statemachine.StateMachineDefinitions;
import dev.outboundwishlist.taskrole.TaskRoleExtension;

import java.util.List;

/** The extensions this version runs, in the order they validate and expand. */
final class Extensions {

    private Extensions() {
    }

    static List<Extension> all() {
        return List.of(new StateMachineDefinitions(), new ForEachLoops(), new NetworkAccessExtension(),
                new TaskRoleExtension(), new GlobalCatchExtension());
    }
}
