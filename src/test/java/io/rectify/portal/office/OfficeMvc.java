package io.rectify.portal.office;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import io.rectify.TempFolderContext;
import io.rectify.account.PortalUser;
import io.rectify.account.Role;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The whole application with its web layer and Spring Security, on a real H2 file database and
 * real folders, driven through MockMvc as the office's browser would.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
abstract class OfficeMvc extends TempFolderContext {

    static final PortalUser OFFICE = new PortalUser("office", "x", Role.OFFICE, null, false, null, true);

    static RequestPostProcessor office() {
        return user(OFFICE);
    }
}
