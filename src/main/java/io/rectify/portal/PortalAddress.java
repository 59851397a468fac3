package io.rectify.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says where the portal answers, once its web server listens. */
@Component
class PortalAddress implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(PortalAddress.class);

    private final String address;

    PortalAddress(@Value("${rectify.web.address}") String address) {
        this.address = address;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        log.info("Portal on http://{}:{}/", host, event.getWebServer().getPort());
    }
}
