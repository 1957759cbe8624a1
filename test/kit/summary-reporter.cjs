module.exports = class {
  onRunComplete(_c, r) {
    console.log('jest: ' + r.numPassedTests + ' passed, ' + r.numFailedTests + ' failed');
  }
};
