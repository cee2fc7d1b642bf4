// records.js: the Progress page, the status on cards and indexes, and continue reading on a module's page.
parts.records = () => {
  enhance('.course-progress', setupProgress);
  setupCards();
  setupReading();
};
parts.records();
