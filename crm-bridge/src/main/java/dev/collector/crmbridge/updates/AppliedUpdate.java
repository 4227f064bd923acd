package dev.collector.crmbridge.updates;

import java.io.Serializable;

/**
 * An update that was applied, as remembered for its resends: the request, to tell a resend from a
 * reuse of the id for another change, and the reply given, to give it again.
 *
 * @param request  the UpdateCaseRequest's bytes
 * @param response the UpdateCaseResponse's bytes
 */
record AppliedUpdate(byte[] request, byte[] response) implements Serializable {
}
