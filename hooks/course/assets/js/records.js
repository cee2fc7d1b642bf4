// records.js: the status on cards and indexes, and continue reading on a module's page.
parts.records = () => {
  setupCards();
  setupReading();
};
parts.records();
