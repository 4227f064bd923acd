package dev.collector.pbx.world;

import dev.collector.pbx.ami.AmiPacket;
import java.util.Optional;

/**
 * A simulated channel: what AMI shows of it (the "channel state string" every channel event
 * carries) and where it stands in the dialplan. Only the world thread touches a channel.
 */
public final class Channel {

    private static final String UNKNOWN = "<unknown>";

    private final String name;
    private final String uniqueId;
    private final String linkedId;
    private final String technology;
    private final long createdNanos;
    private final ChannelVariables variables;
    private final Call call;

    private ChannelState state;
    private String callerIdNum;
    private String callerIdName;
    private String connectedLineNum;
    private String connectedLineName;
    private String accountCode = "";
    private String context;
    private String exten;
    private int priority = 1;
    private String application = "";
    private String applicationData = "";
    private Channel localPartner;
    private Bridge bridge;
    private boolean hungUp;

    Channel(String name, String uniqueId, String linkedId, ChannelState state, String context, String exten,
            Call call, ChannelVariables variables, long createdNanos) {
        this.name = name;
        this.uniqueId = uniqueId;
        this.linkedId = linkedId;
        this.technology = name.substring(0, name.indexOf('/'));
        this.state = state;
        this.context = context;
        this.exten = exten;
        this.call = call;
        this.variables = variables;
        this.createdNanos = createdNanos;
    }

    /**
     * Appends Channel, ChannelState, ... Linkedid, optionally prefixed ({@code Dest} in DialBegin,
     * {@code LocalOne} in LocalBridge), in the order of Asterisk's manager channel state string.
     */
    public AmiPacket.Builder appendSnapshot(AmiPacket.Builder packet, String prefix) {
        return packet.add(prefix + "Channel", name)
                .add(prefix + "ChannelState", state.code())
                .add(prefix + "ChannelStateDesc", state.description())
                .add(prefix + "CallerIDNum", orUnknown(callerIdNum))
                .add(prefix + "CallerIDName", orUnknown(callerIdName))
                .add(prefix + "ConnectedLineNum", orUnknown(connectedLineNum))
                .add(prefix + "ConnectedLineName", orUnknown(connectedLineName))
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", accountCode)
                .add(prefix + "Context", context)
                .add(prefix + "Exten", exten)
                .add(prefix + "Priority", priority)
                .add(prefix + "Uniqueid", uniqueId)
                .add(prefix + "Linkedid", linkedId);
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? UNKNOWN : value;
    }

    public String name() {
        return name;
    }

    public String uniqueId() {
        return uniqueId;
    }

    public String linkedId() {
        return linkedId;
    }

    /** {@code Local}, {@code PJSIP}... as Status reports it in {@code Type}. */
    public String technology() {
        return technology;
    }

    public ChannelState state() {
        return state;
    }

    public String application() {
        return application;
    }

    public String applicationData() {
        return applicationData;
    }

    public long createdNanos() {
        return createdNanos;
    }

    public Optional<Bridge> bridge() {
        return Optional.ofNullable(bridge);
    }

    public String effectiveConnectedLineNum() {
        return orUnknown(connectedLineNum);
    }

    public String effectiveConnectedLineName() {
        return orUnknown(connectedLineName);
    }

    /** A channel variable, as Getvar or Status with {@code Variables:} would show it. */
    public Optional<String> variable(String name) {
        return variables.get(name);
    }

    ChannelVariables variables() {
        return variables;
    }

    Call call() {
        return call;
    }

    String context() {
        return context;
    }

    String exten() {
        return exten;
    }

    int priority() {
        return priority;
    }

    String callerIdNum() {
        return callerIdNum;
    }

    String callerIdName() {
        return callerIdName;
    }

    Optional<Channel> localPartner() {
        return Optional.ofNullable(localPartner);
    }

    boolean isHungUp() {
        return hungUp;
    }

    void state(ChannelState newState) {
        this.state = newState;
    }

    void callerId(String num, String nameText) {
        this.callerIdNum = num;
        this.callerIdName = nameText;
    }

    void connectedLine(String num, String nameText) {
        this.connectedLineNum = num;
        this.connectedLineName = nameText;
    }

    void accountCode(String code) {
        this.accountCode = code == null ? "" : code;
    }

    /** Moves the channel in the dialplan: what a Newexten event then reports. */
    void dialplan(String newContext, String newExten, int newPriority, String app, String appData) {
        this.context = newContext;
        this.exten = newExten;
        this.priority = newPriority;
        this.application = app;
        this.applicationData = appData;
    }

    void pairWith(Channel partner) {
        this.localPartner = partner;
        partner.localPartner = this;
    }

    void bridge(Bridge newBridge) {
        this.bridge = newBridge;
    }

    void markHungUp() {
        this.hungUp = true;
    }

    @Override
    public String toString() {
        return name;
    }
}
