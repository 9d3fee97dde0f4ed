// Registration JWT signing and helper-API download over mutual TLS.
import GenCollectionsCore
