package dev.collector.pbx;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent: AMDResult} of the {@code amd} extension. Asterisk-Java maps a user event only
 * to a class registered with {@code registerUserEventClass}; its name must end in AMDResultEvent.
 */
public class AMDResultEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String status;
    private String cause;

    public AMDResultEvent(Object source) {
        super(source);
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCause() {
        return cause;
    }

    public void setCause(String cause) {
        this.cause = cause;
    }
}
