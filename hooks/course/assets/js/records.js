// records.js: the Progress page, and the status on cards and indexes.
parts.records = () => {
  enhance('.course-progress', setupProgress);
  setupCards();
};
parts.records();
