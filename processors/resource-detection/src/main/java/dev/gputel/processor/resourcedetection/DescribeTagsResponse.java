package dev.gputel.processor.resourcedetection;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the EC2 Query API's XML answers as the EC2 API Reference documents them: a
 * {@code DescribeTagsResponse} whose {@code tagSet} holds {@code item}s of resourceId,
 * resourceType, key and value; and on failure {@code Response/Errors/Error} with {@code Code} and
 * {@code Message} ("Error codes for the Amazon EC2 API").
 */
final class DescribeTagsResponse {
  private DescribeTagsResponse() {}

  record Error(String code, String message) {}

  /** Returns the value of the item for {@code key} on {@code resourceId}; empty when there is none. */
  static Optional<String> value(String xml, String resourceId, String key, String where) throws MetadataException {
    Document document = parse(xml, where);
    NodeList items = document.getElementsByTagNameNS("*", "item");
    for (int i = 0; i < items.getLength(); i++) {
      Element item = (Element) items.item(i);
      if (resourceId.equals(text(item, "resourceId")) && key.equals(text(item, "key"))) {
        return Optional.ofNullable(text(item, "value")).filter(value -> !value.isEmpty());
      }
    }
    if (!document.getDocumentElement().getLocalName().equals("DescribeTagsResponse")) {
      throw new MetadataException(where + " answered a document that is not a DescribeTagsResponse: "
          + document.getDocumentElement().getLocalName());
    }
    return Optional.empty();
  }

  /** Returns the first error's code and message; code "Unknown" when the body holds none. */
  static Error error(String xml) {
    try {
      Element root = parse(xml, "error").getDocumentElement();
      NodeList errors = root.getElementsByTagNameNS("*", "Error");
      if (errors.getLength() > 0) {
        Element error = (Element) errors.item(0);
        String code = text(error, "Code");
        String message = text(error, "Message");
        return new Error(code == null ? "Unknown" : code, message == null ? "" : message);
      }
    } catch (MetadataException e) {
      // Not XML (a proxy's page): said as Unknown with the status.
    }
    return new Error("Unknown", "");
  }

  private static String text(Element parent, String child) {
    NodeList nodes = parent.getElementsByTagNameNS("*", child);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }

  private static Document parse(String xml, String where) throws MetadataException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // An API answer has no business with a DOCTYPE: refusing them closes the XXE door.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new MetadataException(where + " answered something that is not XML: " + e.getMessage(), e);
    }
  }
}
