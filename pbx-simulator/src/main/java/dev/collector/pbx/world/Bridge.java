package dev.collector.pbx.world;

import java.util.ArrayList;
import java.util.List;

/** A basic two-party bridge, as Dial() makes when the agent answers. */
public final class Bridge {

    private final String uniqueId;
    private final List<Channel> members = new ArrayList<>();

    Bridge(String uniqueId) {
        this.uniqueId = uniqueId;
    }

    public String uniqueId() {
        return uniqueId;
    }

    int size() {
        return members.size();
    }

    List<Channel> members() {
        return List.copyOf(members);
    }

    void enter(Channel channel) {
        members.add(channel);
        channel.bridge(this);
    }

    void leave(Channel channel) {
        members.remove(channel);
        channel.bridge(null);
    }
}
