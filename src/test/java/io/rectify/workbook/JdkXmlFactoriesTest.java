package io.rectify.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkXmlFactoriesTest {

    private static final String TRANSFORMER = "javax.xml.transform.TransformerFactory";
    private static final String SAX = "javax.xml.parsers.SAXParserFactory";

    @AfterEach
    void forget() {
        System.clearProperty(TRANSFORMER);
        System.clearProperty(SAX);
        System.clearProperty("javax.xml.parsers.DocumentBuilderFactory");
    }

    @Test
    void theFactoriesAreTheJdksOwnAndAFactoryNamedOnTheCommandLineIsKept() {
        System.setProperty(SAX, "com.example.ChosenSaxParserFactory");
        JdkXmlFactories.use();
        assertThat(TransformerFactory.newInstance().getClass().getName())
                .isEqualTo("com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        assertThat(System.getProperty(SAX)).isEqualTo("com.example.ChosenSaxParserFactory");
        System.clearProperty(SAX);
        JdkXmlFactories.use();
        assertThat(SAXParserFactory.newInstance().getClass().getName())
                .isEqualTo("com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
    }
}
