package dev.collector.pbx.world;

/**
 * Told how a synchronous Originate ({@code Async: false}) ended, for the response Asterisk sends
 * only then; an asynchronous one reports through the OriginateResponse event instead.
 */
public interface OriginateListener {

    OriginateListener NONE = new OriginateListener() {
        @Override
        public void answered() {
        }

        @Override
        public void failed(int reason) {
        }
    };

    void answered();

    void failed(int reason);
}
