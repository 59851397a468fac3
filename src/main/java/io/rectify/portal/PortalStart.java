package io.rectify.portal;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code serve}'s context a servlet web application when {@code rectify.web.enabled} (the
 * default): every other command, and serve with the portal off, stays without a web server
 * ({@code spring.main.web-application-type=none} in application.properties). It is decided once the
 * settings are read (application.properties, -D) and before Spring chooses the kind of context.
 */
public final class PortalStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private volatile String address = "127.0.0.1";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        address = environment.getProperty("rectify.web.address", address);
        if (environment.getProperty("rectify.web.enabled", Boolean.class, true)) {
            environment.getPropertySources().addFirst(new MapPropertySource("rectify-portal",
                    Map.of("spring.main.web-application-type", "servlet")));
        }
    }

    /** One line for a start that failed because the portal's port is taken; empty for any other failure. */
    public Optional<String> portInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PortInUseException taken) {
                return Optional.of("the portal cannot listen on " + address + ":" + taken.getPort()
                        + ": another program uses that port. Stop it, or give the portal another port with rectify.web.port (-Drectify.web.port=8081, or rectify.web.port= in "
                        + "application.properties), and start serve again");
            }
        }
        return Optional.empty();
    }
}
