package io.rectify.workbook;

import java.util.Map;

/**
 * Names the JDK's own XML factories as the ones to use, unless the command line named others. Without a
 * name, every {@code TransformerFactory.newInstance()} and {@code SAXParserFactory.newInstance()} (POI and
 * XMLBeans call them for each part of each workbook they open or save) searches every jar of the
 * application for a provider: 4.7% of a city night's CPU, for the same answer every time.
 */
public final class JdkXmlFactories {

    private static final Map<String, String> FACTORIES = Map.of(
            "javax.xml.transform.TransformerFactory", "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl",
            "javax.xml.parsers.SAXParserFactory", "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl",
            "javax.xml.parsers.DocumentBuilderFactory", "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");

    private JdkXmlFactories() {
    }

    public static void use() {
        FACTORIES.forEach((factory, implementation) -> {
            if (System.getProperty(factory) == null) {
                System.setProperty(factory, implementation);
            }
        });
    }
}
